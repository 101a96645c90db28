/** A plain statement of what is stored and where. */
export function PrivacyNote() {
  return (
    <section aria-labelledby="privacy-heading" class="tl-privacy">
      <h2 id="privacy-heading">What is stored, and where</h2>
      <p>
        Triangle Lens works entirely inside your browser. Nothing leaves your machine: it sends no data to any
        server, has no account, no analytics and no tracking.
      </p>
      <p>
        For each article on the US–Russia–China triangle that you read, it keeps in your browser’s local
        storage:
      </p>
      <ul>
        <li>the address, title, site, byline and publication date, and the word count;</li>
        <li>when you first and last read it, how many times, and for how long;</li>
        <li>why it counted as on the topic (the terms found and the subtopics);</li>
        <li>
          the experts quoted: name, role and organisation as the article states them, what they said there,
          the stance label, and any correction you made.
        </li>
      </ul>
      <p>
        Articles that are not on the topic are not stored. Your settings are kept in the extension’s own
        storage. You can export, delete one article, or clear everything from the popup (its Data tab), and
        choose how long history is kept under “History” in the settings on this page.
      </p>
    </section>
  );
}
