// `netx completion bash`: commands and their flags, read from the program itself.
import type { Command } from 'commander';

export function completionScript(program: Command): string {
  const cases = program.commands
    .map((cmd) => {
      const flags = cmd.options.flatMap((o) => [o.short, o.long].filter((f): f is string => Boolean(f)));
      return `    ${cmd.name()}) words="${[...flags, '--help'].join(' ')}" ;;`;
    })
    .join('\n');
  return `# netx bash completion: source <(netx completion bash)
_netx() {
  local cur=\${COMP_WORDS[COMP_CWORD]} words
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${program.commands.map((c) => c.name()).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
    *) words="" ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$words" -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi
}
complete -o filenames -F _netx netx
`;
}
