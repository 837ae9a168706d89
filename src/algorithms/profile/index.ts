// Public API of the user-profile math: pure functions, no I/O.
export * from './profile-event.ts';
export * from './profile-counters.ts';
export * from './session-spans.ts';
export * from './behaviour-features.ts';
export * from './interest-profile.ts';
