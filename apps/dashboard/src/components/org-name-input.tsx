"use client";

import { useState } from "react";

export type OrgOption = { name: string; fullname: string | null };

type Props = { id: string; suggestions: OrgOption[]; maxLength: number };

/**
 * The "add organisation" field. The page carries only the organisations with the most papers as suggestions (a
 * long history has thousands, which would make every page heavy); the first focus loads every name from
 * /api/organizations. Without JavaScript the suggestions stay short, and any name typed in full still filters.
 */
export function OrgNameInput({ id, suggestions, maxLength }: Props) {
  const [options, setOptions] = useState(suggestions);
  const [requested, setRequested] = useState(false);
  const loadAll = () => {
    if (requested) return;
    setRequested(true);
    fetch("/api/organizations")
      .then((response) => (response.ok ? (response.json() as Promise<OrgOption[]>) : null))
      .then((all) => {
        if (all) setOptions(all);
      })
      .catch(() => setRequested(false));
  };
  return (
    <>
      <input
        id={id}
        type="text"
        name="org"
        list="organization-names"
        placeholder="e.g. ByteDance-Seed"
        maxLength={maxLength}
        onFocus={loadAll}
      />
      <datalist id="organization-names" data-options={options.length}>
        {options.map((org) => (
          <option key={org.name} value={org.name}>
            {org.fullname ?? org.name}
          </option>
        ))}
      </datalist>
    </>
  );
}
