type Props = { label: string; value: string; title?: string };

export function Stat({ label, value, title }: Props) {
  return (
    <div className="stat" title={title}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
