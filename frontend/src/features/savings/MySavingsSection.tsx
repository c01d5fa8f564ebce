/** The household's own savings, on its page. */
export function MySavingsSection({ householdId }: { householdId: string }) {
  return <div data-household={householdId} />;
}
