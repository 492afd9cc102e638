/// The page of `zonegrise serve`: self-contained HTML, CSS and plain JavaScript (no
/// external resource: no CDN, tiles or fonts), French text. It draws the commune map
/// from `GET /api/base` (one `path[data-code]` per commune, coloured by band for the
/// chosen gamme or layer, poles and sites on top), sends the changes clicked to
/// `POST /api/evaluate` and shows the figures before and after, the changes, the sites'
/// gains, the communes that change and the candidate ranking; it saves the scenario
/// through `POST /api/scenario`.
enum ServePage {
    static let html = #"""
<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>zonegrise — et si ?</title>
<link rel="icon" href="data:,">
<style>
*{box-sizing:border-box}
body{margin:0;font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:14px;color:#111;background:#fafafa}
header{padding:8px 14px;background:#24324a;color:#fff;display:flex;gap:18px;align-items:baseline;flex-wrap:wrap}
header h1{font-size:18px;margin:0}
header .territoire{opacity:.85}
#barre{display:flex;gap:14px;flex-wrap:wrap;align-items:center;padding:8px 14px;background:#eef1f5;border-bottom:1px solid #ccd}
#barre label{display:flex;gap:6px;align-items:center}
button{font:inherit;padding:3px 10px;border:1px solid #889;border-radius:3px;background:#fff;cursor:pointer}
button:hover{background:#e6ecf5}
main{display:flex;gap:0;align-items:flex-start}
#carte{flex:1 1 60%;min-width:320px;padding:8px}
#carte svg{width:100%;height:auto;max-height:calc(100vh - 120px);background:#fff;border:1px solid #ccd}
#communes path{stroke:#fff;stroke-width:.5;stroke-linejoin:round;fill-rule:evenodd;cursor:pointer}
#communes path:hover{stroke:#000;stroke-width:1.5}
#communes path.au-dela{stroke:#b30000;stroke-width:1.2}
#communes path.change{stroke:#d55e00;stroke-width:2.5}
#poles circle{fill:#fff;stroke:#333;stroke-width:1;pointer-events:none}
#sites .site{fill:#e69f00;stroke:#000;stroke-width:1.2;cursor:pointer}
#sites .site.ajout{fill:#009e73}
#sites .site.deplacement{fill:#cc79a7}
#sites .site.ferme{fill:#bbb;stroke:#777;stroke-dasharray:2 2}
#sites .site.choisi{stroke:#d55e00;stroke-width:3}
#panneau{flex:0 0 40%;max-width:560px;padding:8px 14px;overflow:auto;max-height:calc(100vh - 90px)}
h2{font-size:15px;margin:14px 0 6px;border-bottom:1px solid #ccd;padding-bottom:3px}
table{border-collapse:collapse;width:100%}
th,td{padding:3px 6px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.sujet-choisi{background:#fff4d6}
.gain-positif{color:#006d2c;font-weight:bold}
.gain-negatif{color:#b30000;font-weight:bold}
#gain{font-size:18px;margin:6px 0}
#etat{color:#555;font-size:12px;margin:6px 0}
#erreur{color:#b30000;font-weight:bold}
#legende{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0;font-size:12px}
#legende span.carre{display:inline-block;width:14px;height:14px;vertical-align:middle;border:1px solid #999;margin-right:3px}
ul{margin:4px 0;padding-left:18px}
.discret{color:#666;font-size:12px}
</style>
</head>
<body>
<header><h1>zonegrise — et si ?</h1><span class="territoire" id="territoire">chargement…</span></header>
<div id="barre">
  <label>Carte : <select id="sujet"></select></label>
  <label>Couche des sites : <select id="couche"></select></label>
  <label><input type="radio" name="mode" value="ajouter" checked> cliquer = ajouter un site / fermer un site</label>
  <label><input type="radio" name="mode" value="deplacer"> cliquer = déplacer un site</label>
  <button id="annuler" type="button">Tout annuler</button>
  <button id="telecharger" type="button">Télécharger le scénario (YAML)</button>
</div>
<main>
  <div id="carte">
    <svg id="svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000" role="img" aria-label="Carte des communes">
      <g id="communes"></g><g id="poles"></g><g id="sites"></g>
    </svg>
    <div id="legende"></div>
  </div>
  <div id="panneau">
    <div id="erreur" role="alert"></div>
    <div id="gain">Population ramenée sous le seuil (<span id="gain-sujet"></span>) : <span id="gain-population" data-valeur="0">0</span></div>
    <div id="etat">Cliquez sur une commune pour y ajouter un site de la couche choisie ; sur un site pour le fermer (ou le rouvrir).</div>
    <h2>Avant / après</h2>
    <table id="resumes"><thead><tr><th>gamme ou couche</th><th class="n">seuil</th><th class="n">au-delà avant</th><th class="n">après</th><th class="n">gain</th></tr></thead><tbody></tbody></table>
    <h2>Changements</h2>
    <ul id="changements"><li class="discret">aucun</li></ul>
    <h2>Sites ajoutés ou déplacés</h2>
    <table id="sites-gains"><thead><tr><th>site</th><th>commune</th><th class="n">gain seul</th><th class="n">gain marginal</th></tr></thead><tbody></tbody></table>
    <h2>Communes qui changent (<span id="transitions-sujet"></span>)</h2>
    <table id="transitions"><thead><tr><th>commune</th><th class="n">habitants</th><th class="n">avant</th><th class="n">après</th></tr></thead><tbody></tbody></table>
    <h2>Meilleurs emplacements (couche choisie, gain seul sur la base)</h2>
    <table id="candidats"><thead><tr><th class="n">rang</th><th>commune</th><th class="n">gain</th><th></th></tr></thead><tbody></tbody></table>
  </div>
</main>
<script>
"use strict";
(function () {
  var SVGNS = "http://www.w3.org/2000/svg";
  var base = null, dernier = null, enCours = 0, demande = 0;
  var changes = {};           // couche -> {add: [], remove: [], move: []}
  var choisi = null;          // site choisi pour un déplacement: {couche, id}
  var indexCommune = {};
  var $ = function (id) { return document.getElementById(id); };
  function nombre(n) { return Number(n).toLocaleString("fr-FR"); }
  function minutes(m) { return m === null || m === undefined ? "—" : Number(m).toLocaleString("fr-FR", {maximumFractionDigits: 1}) + " min"; }
  function texte(tag, contenu, classe) { var e = document.createElement(tag); e.textContent = contenu; if (classe) e.className = classe; return e; }
  function sujetIndex() { return Number($("sujet").value); }
  function couche() { return $("couche").value; }
  function modifs(nom) { if (!changes[nom]) changes[nom] = {add: [], remove: [], move: []}; return changes[nom]; }
  function erreur(msg) { $("erreur").textContent = msg || ""; }

  function requete() {
    var layers = {};
    Object.keys(changes).forEach(function (nom) {
      var c = changes[nom], l = {};
      if (c.add.length) l.add = c.add.map(function (a) { return {commune: a.commune}; });
      if (c.remove.length) l.remove = c.remove.slice();
      if (c.move.length) l.move = c.move.map(function (m) { return {id: m.id, commune: m.commune}; });
      if (Object.keys(l).length) layers[nom] = l;
    });
    return {layers: layers};
  }
  function vide() { return Object.keys(requete().layers).length === 0; }

  function charger() {
    fetch("api/base").then(function (r) { return r.json(); }).then(function (b) {
      base = b;
      $("territoire").textContent = b.territoire;
      var svg = $("svg");
      svg.setAttribute("viewBox", "0 0 " + b.largeur + " " + b.hauteur);
      var g = $("communes");
      b.communes.forEach(function (c, i) {
        indexCommune[c.code] = i;
        var p = document.createElementNS(SVGNS, "path");
        p.setAttribute("d", c.d);
        p.setAttribute("data-code", c.code);
        var t = document.createElementNS(SVGNS, "title");
        t.textContent = c.nom + " (" + c.code + "), " + nombre(c.population) + " hab.";
        p.appendChild(t);
        p.addEventListener("click", function () { clicCommune(c.code); });
        g.appendChild(p);
      });
      var gp = $("poles");
      b.poles.forEach(function (p) {
        var ci = document.createElementNS(SVGNS, "circle");
        ci.setAttribute("cx", p.x); ci.setAttribute("cy", p.y);
        ci.setAttribute("r", p.niveau === "superieure" ? 5 : p.niveau === "intermediaire" ? 3.5 : 2.2);
        ci.setAttribute("data-pole", p.code);
        gp.appendChild(ci);
      });
      b.sujets.forEach(function (s, i) {
        var o = texte("option", s.label + " (" + s.seuilMinutes + " min)"); o.value = i; $("sujet").appendChild(o);
      });
      b.couches.forEach(function (l) { var o = texte("option", l.label); o.value = l.name; $("couche").appendChild(o); });
      var premiereCouche = b.sujets.findIndex(function (s) { return s.type === "couche"; });
      if (premiereCouche >= 0) $("sujet").value = premiereCouche;
      var leg = $("legende");
      b.bandes.forEach(function (label, i) {
        var s = document.createElement("span");
        var carre = texte("span", "", "carre"); carre.style.background = b.couleurs[i] || "#ccc";
        s.appendChild(carre); s.appendChild(document.createTextNode(label + " min")); leg.appendChild(s);
      });
      var s2 = document.createElement("span"); s2.innerHTML = "<span class=\"carre\" style=\"border:2px solid #b30000\"></span>au-delà du seuil";
      leg.appendChild(s2);
      document.body.setAttribute("data-pret", "1");
      dessiner();
      candidats();
    }).catch(function (e) { erreur("Chargement impossible : " + e); });
  }

  function sitesAffiches() {
    // Base sites (closed ones greyed), moved ones at their new place, added ones.
    var out = [];
    base.couches.forEach(function (l) {
      var c = changes[l.name] || {add: [], remove: [], move: []};
      l.sites.forEach(function (s) {
        var mv = c.move.find(function (m) { return m.id === s.id; });
        var classe = c.remove.indexOf(s.id) >= 0 ? "ferme" : mv ? "deplacement" : "";
        var x = s.x, y = s.y;
        if (mv) { var ci = base.communes[indexCommune[mv.commune]]; x = ci.x; y = ci.y; }
        out.push({couche: l.name, id: s.id, nom: s.nom, x: x, y: y, classe: classe, base: true});
      });
      c.add.forEach(function (a, k) {
        var ci = base.communes[indexCommune[a.commune]];
        out.push({couche: l.name, id: null, k: k, nom: "site ajouté à " + ci.nom, x: ci.x, y: ci.y, classe: "ajout", base: false});
      });
    });
    return out;
  }

  function dessiner() {
    if (!base) return;
    var i = sujetIndex(), sujet = base.sujets[i];
    // The map after: the base's bands with the evaluation's transitions applied.
    var bandes = base.communes.map(function (c) { return c.bandes[i]; });
    var audela = base.communes.map(function (c) { return c.auDela[i]; });
    var changent = {};
    if (dernier) dernier.transitions.forEach(function (t) {
      if (t.indiceSujet !== i) return;
      bandes[t.indice] = t.indiceBandeApres; audela[t.indice] = t.auDelaApres; changent[t.code] = true;
    });
    var paths = $("communes").children;
    for (var k = 0; k < paths.length; k++) {
      var p = paths[k];
      p.style.fill = base.couleurs[bandes[k]] || "#ccc";
      p.setAttribute("class", (audela[k] ? "au-dela" : "") + (changent[base.communes[k].code] ? " change" : ""));
      p.setAttribute("data-bande", bandes[k]);
    }
    var gs = $("sites");
    while (gs.firstChild) gs.removeChild(gs.firstChild);
    sitesAffiches().forEach(function (s) {
      var ci = document.createElementNS(SVGNS, "circle");
      ci.setAttribute("cx", s.x); ci.setAttribute("cy", s.y); ci.setAttribute("r", 6);
      var cl = "site " + s.classe;
      if (choisi && s.base && choisi.couche === s.couche && choisi.id === s.id) cl += " choisi";
      ci.setAttribute("class", cl);
      if (s.id) ci.setAttribute("data-site", s.id);
      ci.setAttribute("data-couche", s.couche);
      var t = document.createElementNS(SVGNS, "title"); t.textContent = s.nom + (s.classe === "ferme" ? " (fermé)" : ""); ci.appendChild(t);
      ci.addEventListener("click", function (ev) { ev.stopPropagation(); clicSite(s); });
      gs.appendChild(ci);
    });
    panneau();
  }

  function panneau() {
    var i = sujetIndex(), sujet = base.sujets[i];
    var resumes = dernier ? dernier.resumes : base.resumes;
    var tb = $("resumes").tBodies[0];
    tb.innerHTML = "";
    resumes.forEach(function (r, k) {
      var tr = document.createElement("tr");
      if (k === i) tr.className = "sujet-choisi";
      tr.appendChild(texte("td", r.label));
      tr.appendChild(texte("td", r.seuilMinutes + " min", "n"));
      tr.appendChild(texte("td", nombre(r.avant.population) + " hab. (" + nombre(r.avant.communes) + ")", "n"));
      tr.appendChild(texte("td", nombre(r.apres.population) + " hab. (" + nombre(r.apres.communes) + ")", "n"));
      var g = texte("td", (r.gainPopulation > 0 ? "+" : "") + nombre(r.gainPopulation), "n " + (r.gainPopulation > 0 ? "gain-positif" : r.gainPopulation < 0 ? "gain-negatif" : ""));
      g.setAttribute("data-sujet", r.name); g.setAttribute("data-valeur", r.gainPopulation);
      tr.appendChild(g);
      tb.appendChild(tr);
    });
    var gain = resumes[i].gainPopulation;
    var gp = $("gain-population");
    gp.textContent = (gain > 0 ? "+" : "") + nombre(gain) + " hab.";
    gp.setAttribute("data-valeur", gain);
    gp.className = gain > 0 ? "gain-positif" : gain < 0 ? "gain-negatif" : "";
    $("gain-sujet").textContent = sujet.label;
    $("transitions-sujet").textContent = sujet.label;
    // Changes
    var ul = $("changements"); ul.innerHTML = "";
    Object.keys(changes).forEach(function (nom) {
      var c = changes[nom];
      c.add.forEach(function (a, k) {
        var li = texte("li", "ajout (" + nom + ") à " + base.communes[indexCommune[a.commune]].nom + " ");
        var b = texte("button", "retirer"); b.addEventListener("click", function () { c.add.splice(k, 1); evaluer(); }); li.appendChild(b); ul.appendChild(li);
      });
      c.remove.forEach(function (id, k) {
        var li = texte("li", "fermeture (" + nom + ") du site " + id + " ");
        var b = texte("button", "rouvrir"); b.addEventListener("click", function () { c.remove.splice(k, 1); evaluer(); }); li.appendChild(b); ul.appendChild(li);
      });
      c.move.forEach(function (m, k) {
        var li = texte("li", "déplacement (" + nom + ") du site " + m.id + " vers " + base.communes[indexCommune[m.commune]].nom + " ");
        var b = texte("button", "annuler"); b.addEventListener("click", function () { c.move.splice(k, 1); evaluer(); }); li.appendChild(b); ul.appendChild(li);
      });
    });
    if (!ul.children.length) ul.appendChild(texte("li", "aucun", "discret"));
    var ts = $("sites-gains").tBodies[0]; ts.innerHTML = "";
    (dernier ? dernier.sites : []).forEach(function (s) {
      var tr = document.createElement("tr");
      tr.appendChild(texte("td", s.nom + " (" + s.type + ")"));
      var ci = base.communes[indexCommune[s.commune]];
      tr.appendChild(texte("td", ci ? ci.nom : s.commune));
      tr.appendChild(texte("td", nombre(s.gainSeulPopulation), "n"));
      tr.appendChild(texte("td", nombre(s.gainMarginalPopulation), "n"));
      ts.appendChild(tr);
    });
    var tt = $("transitions").tBodies[0]; tt.innerHTML = "";
    (dernier ? dernier.transitions : []).filter(function (t) { return t.sujet === sujet.name; }).forEach(function (t) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-code", t.code);
      tr.appendChild(texte("td", t.nom + " (" + t.code + ")"));
      tr.appendChild(texte("td", nombre(t.population), "n"));
      tr.appendChild(texte("td", minutes(t.tempsAvant) + (t.auDelaAvant ? " ✗" : ""), "n"));
      tr.appendChild(texte("td", minutes(t.tempsApres) + (t.auDelaApres ? " ✗" : ""), "n"));
      tt.appendChild(tr);
    });
  }

  function evaluer() {
    erreur("");
    if (vide()) { dernier = null; dessiner(); $("etat").textContent = "Aucun changement : la carte montre la base."; document.body.setAttribute("data-evaluations", String(++demande)); return; }
    var n = ++demande;
    enCours++;
    $("etat").textContent = "Évaluation…";
    fetch("api/evaluate", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(requete())})
      .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, j: j}; }); })
      .then(function (res) {
        enCours--;
        if (n !== demande) return;   // a later request is on its way
        if (!res.ok) { erreur(res.j.erreur || "Erreur."); document.body.setAttribute("data-evaluations", String(n)); return; }
        dernier = res.j;
        $("etat").textContent = "Évalué en " + nombre(Math.round(res.j.millisecondes * 10) / 10) + " ms (scénario « " + res.j.scenario + " »).";
        dessiner();
        document.body.setAttribute("data-evaluations", String(n));
      })
      .catch(function (e) { enCours--; erreur("Évaluation impossible : " + e); });
  }

  function clicCommune(code) {
    if (!base.couches.length) { erreur("Le territoire n'a pas de couche de services."); return; }
    var mode = document.querySelector("input[name=mode]:checked").value;
    if (mode === "deplacer") {
      if (!choisi) { erreur("Choisissez d'abord le site à déplacer (cliquez dessus)."); return; }
      var c = modifs(choisi.couche);
      c.move = c.move.filter(function (m) { return m.id !== choisi.id; });
      c.move.push({id: choisi.id, commune: code});
      choisi = null;
    } else {
      modifs(couche()).add.push({commune: code});
    }
    evaluer();
  }

  function clicSite(s) {
    var mode = document.querySelector("input[name=mode]:checked").value;
    var c = modifs(s.couche);
    if (!s.base) { c.add.splice(s.k, 1); evaluer(); return; }
    if (mode === "deplacer") { choisi = {couche: s.couche, id: s.id}; c.remove = c.remove.filter(function (r) { return r !== s.id; }); dessiner(); $("etat").textContent = "Cliquez sur la commune où déplacer le site " + s.id + "."; return; }
    var k = c.remove.indexOf(s.id);
    if (k >= 0) c.remove.splice(k, 1); else { c.remove.push(s.id); c.move = c.move.filter(function (m) { return m.id !== s.id; }); }
    evaluer();
  }

  function candidats() {
    var tb = $("candidats").tBodies[0];
    if (!couche()) { tb.innerHTML = ""; return; }
    fetch("api/candidates?layer=" + encodeURIComponent(couche()) + "&n=10").then(function (r) { return r.json(); }).then(function (j) {
      tb.innerHTML = "";
      (j.candidats || []).forEach(function (c) {
        var tr = document.createElement("tr");
        tr.appendChild(texte("td", String(c.rang), "n"));
        tr.appendChild(texte("td", c.nom + " (" + c.commune + ")"));
        tr.appendChild(texte("td", nombre(c.gainPopulation), "n"));
        var td = document.createElement("td"); var b = texte("button", "ajouter");
        b.addEventListener("click", function () { modifs(j.couche).add.push({commune: c.commune}); evaluer(); });
        td.appendChild(b); tr.appendChild(td); tb.appendChild(tr);
      });
    });
  }

  $("sujet").addEventListener("change", dessiner);
  $("couche").addEventListener("change", candidats);
  $("annuler").addEventListener("click", function () { changes = {}; choisi = null; evaluer(); });
  $("telecharger").addEventListener("click", function () {
    fetch("api/scenario", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(requete())})
      .then(function (r) { return r.text().then(function (t) { return {ok: r.ok, t: t}; }); })
      .then(function (res) {
        if (!res.ok) { erreur(JSON.parse(res.t).erreur); return; }
        var a = document.createElement("a");
        a.href = URL.createObjectURL(new Blob([res.t], {type: "application/yaml"}));
        a.download = "scenario.yaml"; document.body.appendChild(a); a.click(); a.remove();
      });
  });
  charger();
})();
</script>
</body>
</html>
"""#
}
