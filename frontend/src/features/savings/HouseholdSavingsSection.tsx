/** The savings tab of the staff household page. */
export function HouseholdSavingsSection({ householdId }: { householdId: string }) {
  return <div data-household={householdId} />;
}
