import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Nav } from "@/components/nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Paperpulse", template: "%s · Paperpulse" },
  description: "Hugging Face Daily Papers over time: upvote trends, organisations, CSV exports.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div className="container header-row">
            <a className="brand" href="/">
              <span className="brand-mark" aria-hidden="true" />
              Paperpulse
            </a>
            <Nav />
          </div>
        </header>
        <main className="container">{children}</main>
      </body>
    </html>
  );
}
