import type { ReactNode } from "react";

type Props = {
  id: string;
  title: string;
  /** One sentence on what is drawn: shown under the title and read out with the chart. */
  description: string;
  children: ReactNode;
  /** The same data as a table, for screen readers, keyboard users and copying. */
  table: ReactNode;
  actions?: ReactNode;
};

/** A chart card: title, description, the chart, and its data as a table in a <details>. */
export function ChartFrame({ id, title, description, children, table, actions }: Props) {
  return (
    <figure className="card chart-card" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption className="chart-head">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          <p id={`${id}-desc`} className="muted small">
            {description}
          </p>
        </div>
        {actions ? <div className="chart-actions">{actions}</div> : null}
      </figcaption>
      {children}
      <details className="chart-table">
        <summary>Data table</summary>
        {table}
      </details>
    </figure>
  );
}
