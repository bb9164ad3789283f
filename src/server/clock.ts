/**
 * The server's one clock. Everything that needs the time takes a `Clock` (or the instant itself)
 * from `Services.now`; this is the only place the system clock is read, so a test moves time by
 * passing its own clock instead of spying on `Date`.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
