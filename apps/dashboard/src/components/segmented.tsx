type Props<T extends string> = {
  label: string;
  options: readonly T[];
  current: T;
  href: (value: T) => string;
  names?: Partial<Record<T, string>>;
};

/** A choice between a few values as links (each a URL), e.g. day / week / month. */
export function Segmented<T extends string>({ label, options, current, href, names }: Props<T>) {
  return (
    <nav className="segmented" aria-label={label}>
      {options.map((option) => (
        <a
          key={option}
          className="segment"
          href={href(option)}
          aria-current={option === current ? "true" : undefined}
        >
          {names?.[option] ?? option}
        </a>
      ))}
    </nav>
  );
}

const periodNames = { day: "Day", week: "Week", month: "Month" } as const;

/** The day / week / month switch of a chart over time. */
export function GroupBy<T extends keyof typeof periodNames>(props: Omit<Props<T>, "label" | "names">) {
  return <Segmented label="Group by" names={periodNames} {...props} />;
}
