// Platforms whose login asks with the host name in front (`r1 login: `, Linux
// getty style): the profile's own question, built from the host name the fleet gives.
import type { DeviceProfile, ProfileBuildOptions } from './profile.js';

/** `profile` with its username prompt made from the device's host name (unless the caller gives a login). */
export function withHostLoginPrompt(profile: DeviceProfile, prompt: (hostname: string) => string): DeviceProfile {
  return {
    ...profile,
    options(o: ProfileBuildOptions = {}) {
      const options = profile.options(o);
      if (o.overrides?.login) return options;
      return { ...options, login: { ...options.login!, usernamePrompt: prompt(options.hostname ?? '') } };
    },
  };
}
