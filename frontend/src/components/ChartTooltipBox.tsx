import type { ReactNode } from 'react';

/** The box every chart's tooltip is drawn in: a bold heading (the month, the member) and its lines. */
export function ChartTooltipBox({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  return (
    <div style={{ background: 'white', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6, padding: '6px 10px', fontSize: 13 }}>
      <strong>{heading}</strong>
      {children}
    </div>
  );
}
