/** The journey timeline tab of the staff household page. */
export function HouseholdJourneySection({ householdId }: { householdId: string }) {
  return <div data-household={householdId} />;
}
