// Placeholder names (extension of METRICS.md §2, which joins identities by an equal name): a name
// that is no one's own joins whoever commits under it. tokio's "Name" joined
// `44015907+FenFenGao@users.noreply…` with `diazarnau0@gmail.com`, two people (a first-time user);
// laravel has "=" over five addresses and "Unknown"/"unknown" over two, redis "root" over four.
// Such identities join by their addresses only (placeholder-addresses.ts does the same for
// addresses that are no one's mailbox).

/**
 * Names no one is called, compared lower-cased: what guides tell people to replace (`git config
 * user.name "Your Name"`), a machine's account (root, user, admin), a missing value (unknown, none),
 * a template's field (Name, Author), and "=" (`git config user.name = …` takes the "=" for the name).
 */
const PLACEHOLDER_NAMES = new Set([
  'name',
  'your name',
  'your full name',
  'full name',
  'username',
  'user name',
  'your username',
  'user',
  'root',
  'admin',
  'administrator',
  'unknown',
  'anonymous',
  'nobody',
  'none',
  '(none)',
  'author',
  '=',
]);

/** Compared without case, spaces, `-`, `_` or `.`: "YourName" and "your_name" are "Your Name". */
function placeholderKey(name: string): string {
  return (
    name
      .normalize('NFC')
      .toLowerCase()
      .trim()
      // `"Your Name"`, quotes and all, as a shell left them.
      .replace(/^["'“‘]+|["'”’]+$/g, '')
      .replace(/[\s._-]+/g, '')
  );
}

const PLACEHOLDER_KEYS = new Set([...PLACEHOLDER_NAMES].map(placeholderKey));

/** Whether a git author name is a placeholder rather than a person's name (case, spacing and quotes aside). */
export function isPlaceholderName(name: string): boolean {
  return PLACEHOLDER_KEYS.has(placeholderKey(name));
}
