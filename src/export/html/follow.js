// Conveniences of an HTML export (src/export/html/follow.js); the page works without them.
// Click an actor's card, a mention in the article or a mention listed on a card to follow
// that actor: n and N then walk its mentions in the article, Esc stops. Nothing here writes
// markup: the one element it adds is filled with textContent.
(function () {
  "use strict";
  var mentions = [], at = -1, name = "", bar = null;
  function say(text) {
    if (!bar) {
      bar = document.createElement("div");
      bar.className = "follow";
      bar.setAttribute("role", "status");
      document.body.appendChild(bar);
    }
    bar.textContent = text;
    bar.hidden = text === "";
  }
  function mark(on) {
    if (at >= 0 && mentions[at]) {
      mentions[at].classList.toggle("cur", on);
    }
  }
  function follow(card, current) {
    mark(false);
    // Only the first piece of a mention carries its id: a quote that starts inside a mention
    // splits it.
    mentions = Array.prototype.slice.call(
      document.querySelectorAll("#article a.m[id][href=\"#" + card.id + "\"]"));
    var heading = card.querySelector(".name");
    name = heading ? heading.textContent : card.id;
    at = current ? mentions.indexOf(current) : -1;
    mark(true);
    say(name + ": " + mentions.length + " mention" + (mentions.length === 1 ? "" : "s") +
      (mentions.length ? " \u00b7 n next \u00b7 N previous \u00b7 Esc stop" : ""));
  }
  function step(by) {
    if (!mentions.length) {
      return;
    }
    mark(false);
    at = at < 0 ? (by > 0 ? 0 : mentions.length - 1) : (at + by + mentions.length) % mentions.length;
    mark(true);
    mentions[at].scrollIntoView({ block: "center" });
    say(name + " " + (at + 1) + "/" + mentions.length + " \u00b7 n next \u00b7 N previous \u00b7 Esc stop");
  }
  function stop() {
    mark(false);
    mentions = [];
    at = -1;
    say("");
  }
  document.addEventListener("click", function (e) {
    var target = e.target instanceof Element ? e.target : null;
    if (!target) {
      return;
    }
    var link = target.closest("a");
    var card = target.closest(".card");
    if (link && link.classList.contains("m")) {
      var piece = link.id ? link : null;
      var owner = document.getElementById(link.getAttribute("href").slice(1));
      if (owner) {
        follow(owner, piece);
      }
    } else if (card && (!link || link.closest(".mentions"))) {
      var to = link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
      follow(card, to);
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) {
      return;
    }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      return;
    }
    if (e.key === "n") {
      step(1);
    } else if (e.key === "N") {
      step(-1);
    } else if (e.key === "Escape" && mentions.length) {
      stop();
    }
  });
})();
