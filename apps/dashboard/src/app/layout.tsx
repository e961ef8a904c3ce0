import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { FreshnessBanner } from "@/components/freshness-banner";
import { Nav } from "@/components/nav";
import "./globals.css";

// Every page reads the database (the banner included), and the CSP nonce differs per request: nothing is static.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Paperpulse", template: "%s · Paperpulse" },
  description: "Hugging Face Daily Papers over time: upvote trends, organisations, topics, CSV exports.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, colorScheme: "light dark" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container header-row">
            <a className="brand" href="/">
              <span className="brand-mark" aria-hidden="true" />
              Paperpulse
            </a>
            <Nav />
          </div>
        </header>
        <FreshnessBanner />
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
      </body>
    </html>
  );
}
