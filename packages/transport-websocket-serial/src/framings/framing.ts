// The Framing port: how serial bytes and control messages ride in WebSocket frames.
// A new framing is one small file that implements this interface.

/** One WebSocket message to send: binary frame for Uint8Array, text frame for string. */
export type OutgoingFrame = Uint8Array | string;

/** What a framing may put into its opening messages. */
export interface FramingOpenContext {
  readonly columns: number;
  readonly rows: number;
  readonly termType: string;
  /** In-band credential for framings that carry one (ttyd AuthToken); never logged. */
  readonly authToken?: string;
}

/** What the transport does with a received message. */
export type DecodedFrame =
  | { readonly kind: 'data'; readonly bytes: Uint8Array }
  /** A control message the transport ignores (window title, preferences); `what` is for debug lines. */
  | { readonly kind: 'ignore'; readonly what: string };

export interface Framing {
  /** Short name for messages ('raw', 'ttyd'). */
  readonly name: string;
  /** WebSocket sub-protocols to request; empty for none. */
  readonly subprotocols: readonly string[];
  /** Path used when the caller gives none. */
  readonly defaultPath: string;
  /** Port used when the caller gives none, if the framing has a conventional one. */
  readonly defaultPort?: number;
  /** The framing carries the window size (capabilities.windowSize). */
  readonly windowSize: boolean;
  /** Every byte value 0..255 travels unchanged (capabilities.binarySafe). */
  readonly binarySafe: boolean;
  /** Whether a 1008 policy-violation close means the in-band credential was refused. */
  readonly policyCloseMeansAuth: boolean;
  /** Messages sent right after the WebSocket opened, before any input. */
  open(context: FramingOpenContext): OutgoingFrame[];
  /** Wraps bytes typed by the user. */
  encodeInput(bytes: Uint8Array): OutgoingFrame;
  /** Wraps a window-size change, where `windowSize`. */
  encodeResize?(columns: number, rows: number): OutgoingFrame;
  /** Unwraps one received message; throws ProtocolError for a message the framing forbids. */
  decode(data: Uint8Array, isBinary: boolean): DecodedFrame;
}
