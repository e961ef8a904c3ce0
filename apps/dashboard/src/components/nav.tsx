"use client";

import { usePathname } from "next/navigation";

// Views to come (papers, organisations, topics, runs) are added here.
const links = [{ href: "/", label: "Overview" }];

export function Nav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={pathname === link.href ? "page" : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
