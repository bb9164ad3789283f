/**
 * Uploads one person may have in progress at once in this process. Each upload holds a spool file,
 * a socket and, while it is checked, an inspection child: one account opening dozens at once would
 * take them from everyone else. Past the limit the next is refused at once (429), before its body
 * is read. The limit is UPLOADS_PER_USER (4 by default). With several instances each counts its own: a load balancer spreads one person's uploads
 * over them, so the limit holds per instance, which is what protects each.
 */
export const MAX_UPLOADS_PER_USER = 4;

export const tooManyUploads = (limit: number): string =>
  `You have ${limit} uploads in progress already. Wait for one of them to finish, then attach the next.`;

export class UploadSlots {
  private readonly inProgress = new Map<number, number>();

  constructor(readonly limit = MAX_UPLOADS_PER_USER) {}

  /** A slot for `userId`'s upload, or undefined when they have `limit` in progress; release it once. */
  take(userId: number): (() => void) | undefined {
    const count = this.inProgress.get(userId) ?? 0;
    if (count >= this.limit) return undefined;
    this.inProgress.set(userId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inProgress.get(userId) ?? 1) - 1;
      if (left === 0) this.inProgress.delete(userId);
      else this.inProgress.set(userId, left);
    };
  }
}
