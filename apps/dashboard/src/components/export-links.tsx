type Props = {
  links: { href: string; label: string }[];
  /** Atom feeds of the view: opened (a feed reader takes the URL), not downloaded. */
  feeds?: { href: string; label: string }[];
};

/** The view's CSV downloads and feeds: each takes the view's URL filters. */
export function ExportLinks({ links, feeds = [] }: Props) {
  return (
    <div className="export-links">
      {links.map((link) => (
        <a key={link.href} className="button" href={link.href} download data-export={link.href.split("?")[0]}>
          {link.label}
        </a>
      ))}
      {feeds.map((feed) => (
        <a
          key={feed.href}
          className="button secondary"
          href={feed.href}
          type="application/atom+xml"
          data-feed
        >
          {feed.label}
        </a>
      ))}
    </div>
  );
}
