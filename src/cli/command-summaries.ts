// What `credledger --help` lists: every subcommand in order, with its one line. Kept apart from the commands so
// the help loads this module alone, not the code of every command.

/** Every subcommand's name and what it does, in the order `--help` lists them. */
export const COMMAND_SUMMARIES = {
  init: 'write a starting credentials.yaml: from the settings catalogue, or from what a deployment has configured',
  validate: 'check the inventory: YAML, schema and rules, every problem with file:line:col',
  status: 'rotation state of every credential on every deployment: ok, due-soon, overdue, unknown',
  plan: 'what a change to the inventory does: changes per credential, set/delete per deployment (works without the key)',
  apply: "push changed values to each deployment's settings API, verified and recorded",
  audit: 'compare what each deployment holds with the inventory: untracked, mismatches, changes made outside it',
  remind: 'open, update and close one GitHub issue per credential that is due soon or overdue',
  rotate: 'create a new credential at its issuer and open the pull request; --finish retires the old one on evidence',
  onboard: 'add a person to the inventory and list the credentials that exist, per deployment and category',
  offboard: 'record that someone left; list what to rotate, hand over and revoke at each issuer',
  revoke: 'a suspected leak: record it (critical until rotated) and print the emergency checklist',
  keygen: 'make a new master key, or with --sealing a key pair for sealed values: the secret on stdout',
  set: 'store a new value for a credential (a rotation): encrypted, with today as `rotated`',
  seal: "store a new value sealed for the inventory's public key (needs no secret): a rotation",
  rekey: 'move every value to the first key of the ring (after a new master key)',
  reveal: 'break-glass: print one decrypted value (asks first; --yes to skip)',
  demo: 'the whole flow on the bundled example, against two local DocuElevate-compatible servers (`npm start`)',
} as const satisfies Record<string, string>;

export type CommandName = keyof typeof COMMAND_SUMMARIES;
