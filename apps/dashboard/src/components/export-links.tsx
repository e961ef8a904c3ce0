type Props = { links: { href: string; label: string }[] };

/** The view's CSV downloads: each takes the view's URL filters. */
export function ExportLinks({ links }: Props) {
  return (
    <div className="export-links">
      {links.map((link) => (
        <a key={link.href} className="button" href={link.href} download data-export={link.href.split("?")[0]}>
          {link.label}
        </a>
      ))}
    </div>
  );
}
