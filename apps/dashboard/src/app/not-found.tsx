export default function NotFound() {
  return (
    <section className="empty">
      <h1>Not found</h1>
      <p className="muted">
        There is no such paper, organisation, author or run here. <a href="/">Back to the overview</a>
      </p>
    </section>
  );
}
