using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Classify;

namespace Pipeline.Worker.Review.Pages;

/// <summary>
/// The review page: a static shell that <c>/review/app.js</c> fills from the API. Nothing scraped is ever
/// written into this HTML; the script puts it into the page as text nodes only.
/// </summary>
public static class QueuePage
{
    public static ContentHttpResult Render(ClaimsPrincipal user, Classification.ClassifierProvider classifiers)
    {
        // On the very first start the model trains for minutes: the page works meanwhile and says so.
        var status = classifiers.Status;
        var training = !status.Training && !status.Failed ? "" : $"<p id=\"training\" class=\"notice\" role=\"status\">{Html.E(status.Message)}{(status.Failed ? "" : "; the queue works meanwhile and polling starts when it is ready")}</p>";
        var types = new StringBuilder();
        for (int i = 0; i < Taxonomy.ResponseTypes.Length; i++)
            types.Append($"<button type=\"button\" class=\"type\" data-type=\"{Taxonomy.ResponseTypes[i]}\"><kbd>{i + 1}</kbd> {Taxonomy.ResponseTypes[i].Replace('_', ' ')}</button>");
        var actorTypes = string.Concat(Taxonomy.ActorTypes.Select(t => $"<option value=\"{t}\">{t}</option>"));
        var body = $"""
            {Html.Header(user.Identity?.Name, "/")}
            <form id="filters" class="filters" autocomplete="off">
              <label>Status <select name="status"><option value="pending">pending</option><option value="filtered">filtered</option><option value="approved">approved</option><option value="rejected">rejected</option><option value="duplicate">duplicate</option><option value="all">all</option></select></label>
              <label>Order <select name="sort"><option value="uncertainty">most uncertain first</option><option value="newest">newest first</option></select></label>
              <label>Type <select name="type"><option value="">any</option>{string.Concat(Taxonomy.Labels.Select(t => $"<option value=\"{t}\">{t}</option>"))}</select></label>
              <label>Actor <input name="actor" placeholder="any" size="14"></label>
              <label>Source <select name="source"><option value="">any</option></select></label>
              <label>Language <select name="language"><option value="">any</option></select></label>
              <label>From <input name="from" type="date"></label>
              <label>To <input name="to" type="date"></label>
            </form>
            {training}
            <div class="layout">
              <aside class="queue"><h2 id="queue-title">Queue</h2><ol id="queue-list"></ol><p id="queue-more" class="hint"></p></aside>
              <main id="candidate" class="candidate" aria-live="polite">
                <p class="hint">Loading the queue…</p>
              </main>
              <section id="decision" class="decision" aria-label="Decision" hidden>
                <h2>Decision</h2>
                <div id="types" class="types">{types}</div>
                <p class="hint">Number: main type · Shift+number: add or remove a further type</p>
                <label for="actor">Actor <kbd>c</kbd></label>
                <div class="combo">
                  <input id="actor" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="actor-options" autocomplete="off" spellcheck="false">
                  <ul id="actor-options" role="listbox" hidden></ul>
                </div>
                <label for="actor-type">Actor type</label>
                <select id="actor-type">{actorTypes}</select>
                <div class="actions">
                  <button type="button" id="approve" class="primary"><kbd>a</kbd> Approve</button>
                  <button type="button" id="not-response"><kbd>n</kbd> Not a response</button>
                  <button type="button" id="irrelevant"><kbd>i</kbd> Irrelevant</button>
                  <button type="button" id="reject"><kbd>x</kbd> Reject</button>
                  <button type="button" id="skip"><kbd>s</kbd> Skip</button>
                  <button type="button" id="undo"><kbd>u</kbd> Undo</button>
                </div>
                <p id="draft-note" class="hint"></p>
                <fieldset id="facts-edit" class="facts-edit">
                  <legend>Facts</legend>
                  <button type="button" id="fact-binding" class="fact"><kbd>b</kbd> Binding <span class="value"></span></button>
                  <button type="button" id="fact-stance" class="fact"><kbd>t</kbd> Stance <span class="value"></span></button>
                  <button type="button" id="fact-lifecycle" class="fact"><kbd>l</kbd> Lifecycle <span class="value"></span></button>
                  <label for="fact-date"><kbd>d</kbd> Date</label>
                  <input id="fact-date" class="fact" placeholder="yyyy-mm-dd (empty: none)" maxlength="10"
                         autocomplete="off" spellcheck="false">
                  <label for="fact-targets"><kbd>g</kbd> Targets</label>
                  <input id="fact-targets" class="fact" placeholder="names, separated by ;" maxlength="4200"
                         autocomplete="off" spellcheck="false">
                  <label for="fact-legal_acts"><kbd>r</kbd> Legal acts</label>
                  <input id="fact-legal_acts" class="fact" placeholder="references, separated by ;" maxlength="2500"
                         autocomplete="off" spellcheck="false">
                  <p class="hint">b t l cycle (Shift: backwards) · d g r edit, Enter keeps, Esc reverts</p>
                </fieldset>
              </section>
            </div>
            <footer class="keys"><kbd>a</kbd>/<kbd>Enter</kbd> approve (or save the correction) · <kbd>1</kbd>–<kbd>7</kbd> type · <kbd>c</kbd> actor ·
              <kbd>b</kbd> binding · <kbd>t</kbd> stance · <kbd>l</kbd> lifecycle · <kbd>d</kbd> date · <kbd>g</kbd> targets · <kbd>r</kbd> legal acts ·
              <kbd>n</kbd> not a response · <kbd>i</kbd> irrelevant · <kbd>x</kbd> reject · <kbd>s</kbd> skip · <kbd>u</kbd> undo · <kbd>Esc</kbd> back to keys</footer>
            <div id="toast" class="toast" role="status" aria-live="assertive" hidden></div>
            """;
        return TypedResults.Content(Html.Layout("Review queue", body, script: true, bodyClass: "queue-page"), "text/html; charset=utf-8");
    }
}
