import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CHART_COLORS } from '../../../components/chartColors';
import type { ExitPoint, FunnelPoint, SessionsPoint } from '../chartSeries';

const { teal: TEAL, indigo: INDIGO, gray: GREY, red: RED } = CHART_COLORS;

/** Bars of households entering each phase, one per row so long names fit phones (draws what it is given, fetches nothing). */
export function FunnelChart({ data }: { data: FunnelPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
        <Bar dataKey="entered" fill={TEAL} radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Bars of exits by reason. */
export function ExitsChart({ data }: { data: ExitPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
        <Bar dataKey="count" fill={RED} radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Planned, held and cancelled sessions per month, with the series' names in the legend. */
export function SessionsChart({ data, names }: { data: SessionsPoint[]; names: { planned: string; held: string; cancelled: string } }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={6} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Legend />
        <Bar dataKey="planned" name={names.planned} fill={INDIGO} isAnimationActive={false} />
        <Bar dataKey="held" name={names.held} fill={TEAL} isAnimationActive={false} />
        <Bar dataKey="cancelled" name={names.cancelled} fill={GREY} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
