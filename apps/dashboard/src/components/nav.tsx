"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { sharedQuery } from "@/lib/filters";

const links = [
  { href: "/", label: "Overview" },
  { href: "/rising", label: "Rising" },
  { href: "/papers", label: "Papers" },
  { href: "/orgs", label: "Organisations" },
  { href: "/authors", label: "Authors" },
  { href: "/topics", label: "Topics" },
  { href: "/compare", label: "Compare" },
  { href: "/runs", label: "Runs" },
];

// Runs are not filtered: their link carries nothing.
const unfiltered = new Set(["/runs"]);

/** The main navigation; links to the views keep the shared filters, so a selection follows the reader. */
export function Nav() {
  const pathname = usePathname();
  const params = useSearchParams();
  const query = sharedQuery(new URLSearchParams(params.toString()));
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {links.map((link) => {
          const current = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <a
                href={unfiltered.has(link.href) ? link.href : `${link.href}${query}`}
                aria-current={current ? "page" : undefined}
              >
                {link.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
