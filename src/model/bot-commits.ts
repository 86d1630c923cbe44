// The commits of a file whose authors are bots: left out of every figure (METRICS.md §2), so a
// file's events count none of them. fastapi's release notes read "874 events" where `git log
// --follow` lists 3,933 commits, 3,059 of them by its release workflows (a re-test). Pure.

export interface BotCommits {
  /** Commits whose author is a bot. */
  commits: number;
  /** Per bot (by the name git has it under), most commits first. */
  bots: { name: string; commits: number }[];
}

/** The commits among `authors` (one per commit) that `isBot` takes for a bot's; undefined when none. */
export function botCommitsOf(authors: readonly { name: string; email: string }[], isBot: (identity: { name: string; email: string }) => boolean): BotCommits | undefined {
  const byName = new Map<string, number>();
  for (const author of authors) if (isBot(author)) byName.set(author.name, (byName.get(author.name) ?? 0) + 1);
  if (byName.size === 0) return undefined;
  const bots = [...byName].map(([name, commits]) => ({ name, commits })).sort((a, b) => b.commits - a.commits || (a.name < b.name ? -1 : 1));
  return { commits: bots.reduce((sum, bot) => sum + bot.commits, 0), bots };
}
