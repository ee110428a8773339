// Conveniences of an HTML export (src/export/html/follow.js); the page works without them.
// Click an actor's card, a mention in the article or a mention listed on a card to follow
// that actor (a mention in the article then stays where it is, the current one, rather than
// lead to the card as it does without the script): a small box at the bottom of the screen names it (a link to its card) and says
// which of its mentions is current, with buttons for the previous and the next mention and one
// to stop, for touch as for keys (n, N and Esc do the same from anywhere). Nothing here writes
// markup: the box is built with createElement and its words set with textContent.
(function () {
  "use strict";
  var mentions = [], at = -1, card = null;
  var box = null, who = null, where = null, buttons = [];
  function button(text, label, key, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.title = label + " (" + key + ")";
    b.addEventListener("click", action);
    return b;
  }
  function build() {
    box = document.createElement("div");
    box.className = "follow";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Following an actor");
    var status = document.createElement("span");
    status.className = "where";
    status.setAttribute("role", "status");
    who = document.createElement("a");
    where = document.createTextNode("");
    status.appendChild(who);
    status.appendChild(where);
    box.appendChild(status);
    buttons = [
      button("\u2039", "Previous mention", "N", function () { step(-1); }),
      button("\u203a", "Next mention", "n", function () { step(1); }),
      button("\u00d7", "Stop following", "Esc", stop)
    ];
    buttons.forEach(function (b) { box.appendChild(b); });
    document.body.appendChild(box);
  }
  function show() {
    if (!box) {
      build();
    }
    var heading = card.querySelector(".name");
    var kind = /(^| )(k-[a-z]+)/.exec(card.className);
    box.className = "follow" + (kind ? " " + kind[2] : "");
    who.textContent = heading ? heading.textContent : card.id;
    who.setAttribute("href", "#" + card.id);
    who.title = "Its card";
    var n = mentions.length;
    where.textContent = at >= 0 ? " " + (at + 1) + "/" + n :
      " \u00b7 " + (n ? n + " mention" + (n === 1 ? "" : "s") : "not mentioned");
    buttons[0].disabled = buttons[1].disabled = n === 0;
    box.hidden = false;
  }
  function mark(on) {
    if (at >= 0 && mentions[at]) {
      mentions[at].classList.toggle("cur", on);
    }
  }
  // The first piece of the mention `link` is a piece of (a quote that starts inside a mention
  // cuts it in pieces, of which only the first has an id): itself, or the last piece with an id
  // before it.
  function first(link, to) {
    var pieces = document.querySelectorAll("#article a.m[href=\"#" + to.id + "\"]");
    var last = null;
    for (var i = 0; i < pieces.length; i++) {
      if (pieces[i].id) {
        last = pieces[i];
      }
      if (pieces[i] === link) {
        return last;
      }
    }
    return null;
  }
  function follow(to, current) {
    mark(false);
    card = to;
    // Only the first piece of a mention carries its id: a quote that starts inside a mention
    // splits it.
    mentions = Array.prototype.slice.call(
      document.querySelectorAll("#article a.m[id][href=\"#" + card.id + "\"]"));
    at = current ? mentions.indexOf(current) : -1;
    mark(true);
    show();
  }
  function step(by) {
    if (!mentions.length) {
      return;
    }
    mark(false);
    at = at < 0 ? (by > 0 ? 0 : mentions.length - 1) : (at + by + mentions.length) % mentions.length;
    mark(true);
    mentions[at].scrollIntoView({ block: "center" });
    show();
  }
  function stop() {
    var inside = box && box.contains(document.activeElement);
    if (inside && at >= 0 && mentions[at]) {
      mentions[at].focus({ preventScroll: true });
    }
    mark(false);
    mentions = [];
    at = -1;
    card = null;
    if (box) {
      box.hidden = true;
    }
  }
  document.addEventListener("click", function (e) {
    var target = e.target instanceof Element ? e.target : null;
    if (!target || (box && box.contains(target))) {
      return;
    }
    var link = target.closest("a");
    var card = target.closest(".card");
    if (link && link.classList.contains("m") && link.closest("#article")) {
      var owner = document.getElementById(link.getAttribute("href").slice(1));
      // A click that asks for a new tab or window still gets the card.
      if (owner && !(e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) {
        e.preventDefault();
        follow(owner, first(link, owner));
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
    } else if (e.key === "Escape" && card) {
      stop();
    }
  });
})();
