import type { TopicOption } from "@/server/facets";

type Props = { topics: readonly TopicOption[]; selected: readonly string[] };

/**
 * Any number of topics, as checkboxes in a disclosure: the GET form sends one `topic` per ticked box, so the choice
 * is a URL and needs no client JavaScript; the summary says what is picked while closed.
 */
export function TopicPicker({ topics, selected }: Props) {
  const picked = topics.filter((topic) => selected.includes(topic.slug));
  const summary = picked.length === 0 ? "Any topic" : picked.map((topic) => topic.label).join(", ");
  return (
    <details className="topic-picker">
      <summary>
        <span className="topic-picker-label">Topics</span>{" "}
        <span className="topic-picker-value">{summary}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">Topics (papers with any of the ticked ones)</legend>
        {topics.map((topic) => (
          <label key={topic.slug} className="check">
            <input
              type="checkbox"
              name="topic"
              value={topic.slug}
              defaultChecked={selected.includes(topic.slug)}
            />
            {topic.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
