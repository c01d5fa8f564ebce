/** The household's own journey in plain words, on its page. */
export function MyJourneySection({ householdId }: { householdId: string }) {
  return <div data-household={householdId} />;
}
