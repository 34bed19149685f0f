// Generated from the files in Sources/PlanSite/Templates/ by
// `PLANC_UPDATE_GOLDEN=1 swift test --filter EmbeddedThemeTests`; edit those files, not this one.
// The test fails while the two differ, so the binary always carries the templates the folder holds.

extension Theme {
    /// The built-in theme, compiled into planc: every file of `Templates/` by name.
    static let embeddedFiles: [String: String] = [
        "diagnostics.mustache": #"""
<h1>{{title}}</h1>
<p class="lead">The plan has {{errorCount}} error(s) and {{warningCount}} warning(s). The site is rebuilt as soon as a plan file changes.</p>
<ol class="diagnostics">
{{#items}}
<li class="{{severity}}"><p><strong>{{severity}} {{code}}</strong> <code>{{location}}</code></p><p>{{message}}</p>{{#hint}}<p class="muted">Hint: {{hint}}</p>{{/hint}}</li>
{{/items}}
</ol>

"""#,
        "layout.mustache": #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="planc">
<title>{{pageTitle}}</title>
{{#canonical}}<link rel="canonical" href="{{canonical}}">
{{/canonical}}<style>
{{{stylesheetCSS}}}</style>
<style media="print">@page { @top-left { content: "{{pageTitle}}"; font: 8pt system-ui, sans-serif; color: #333; } @top-right { content: "Status as of {{today}}"; font: 8pt system-ui, sans-serif; color: #333; } }</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<nav aria-label="Breadcrumb"><ol class="crumbs">{{#breadcrumbs}}<li>{{#href}}<a href="{{href}}">{{label}}</a>{{/href}}{{^href}}<span aria-current="page">{{label}}</span>{{/href}}</li>{{/breadcrumbs}}{{^breadcrumbs}}<li><span aria-current="page">Portfolio</span></li>{{/breadcrumbs}}</ol></nav>
<p class="asof">Status as of <time datetime="{{todayISO}}">{{today}}</time>{{#commit}} · commit <code>{{commit}}</code>{{/commit}}</p>
</header>
<main id="main">
{{{bodyHTML}}}
</main>
<footer class="site"><p>Built by planc from the plan{{#commit}} at commit <code>{{commit}}</code>{{/commit}}, reporting date {{todayISO}}. <a href="{{root}}plan.json">plan.json</a></p></footer>
<script>addEventListener("beforeprint",()=>{for(const d of document.querySelectorAll("details"))d.open=true});
for(const s of document.querySelectorAll(".gs[data-today]")){const go=()=>{s.scrollLeft=Math.max(0,s.dataset.today-(s.clientWidth-s.firstChild.getBoundingClientRect().width)/3)};go();s.closest("details").addEventListener("toggle",go)}</script>
{{#liveReload}}<script>(()=>{let v=null;const poll=async()=>{try{const r=await fetch("/__planc/version",{cache:"no-store"});const t=await r.text();if(v!==null&&t!==v)location.reload();v=t}catch(e){}setTimeout(poll,400)};poll()})()</script>
{{/liveReload}}</body>
</html>

"""#,
        "not-found.mustache": #"""
<h1>Page not found</h1>
<p>This page is not part of the status site. Start from the <a href="{{root}}">portfolio</a>.</p>

"""#,
        "portfolio.mustache": #"""
<h1>{{title}}</h1>
<p class="lead">{{projectCount}} {{projectWord}}{{#counts}}: {{counts}}{{/counts}}.</p>
{{#hasProjects}}
<div class="scroll" tabindex="0" role="region" aria-label="Projects">
<table class="portfolio stack">
<caption class="vh">Every project with health, progress, finish (forecast, or actual once closed), next milestone, top risk and owner</caption>
<thead><tr><th scope="col">Project</th><th scope="col">Health</th><th scope="col">Complete</th><th scope="col">Finish</th><th scope="col">Deadline</th><th scope="col">Next milestone</th><th scope="col">Top risk</th><th scope="col">Owner</th></tr></thead>
<tbody>
{{#projects}}
<tr>
<th scope="row"><a href="{{href}}">{{title}}</a><br><span class="muted">{{id}} · {{phase}}</span></th>
<td data-label="Health"><span class="rag {{health.rating}}"><span aria-hidden="true">{{health.symbol}}</span> {{health.label}}</span>{{#hasReasons}}<ul class="reasons">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>{{/hasReasons}}</td>
<td data-label="Complete"><span class="pct">{{percent}}</span><span class="meter" aria-hidden="true"><span style="width:{{percentValue}}%"></span></span></td>
<td data-label="Finish">{{finishLabel}} {{forecast}}{{#slip}}<br><span class="{{#slipLate}}bad{{/slipLate}}{{^slipLate}}muted{{/slipLate}}">{{slip}}</span>{{/slip}}{{#forecastBlocked}}<br><span class="bad">{{forecastBlocked}}</span>{{/forecastBlocked}}</td>
<td data-label="Deadline">{{deadline}}</td>
<td data-label="Next milestone">{{nextMilestone}}{{#nextMilestoneBlocked}}<br><span class="bad">{{nextMilestoneBlocked}}</span>{{/nextMilestoneBlocked}}</td>
<td data-label="Top risk">{{topRisk}}</td>
<td data-label="Owner">{{owner}}</td>
</tr>
{{/projects}}
</tbody>
</table>
</div>
{{/hasProjects}}
{{^hasProjects}}<p>The plan has no projects yet.</p>{{/hasProjects}}

"""#,
        "project.mustache": #"""
<h1>{{title}}</h1>
<p class="health-line"><span class="rag {{health.rating}}"><span aria-hidden="true">{{health.symbol}}</span> {{health.label}}</span>{{#report.overallTrend}} <span class="trend {{direction}}"><span aria-hidden="true">{{symbol}}</span> {{text}}</span>{{/report.overallTrend}} <span class="muted">· project {{id}}</span></p>

<section class="report" aria-labelledby="report">
<h2 id="report" class="vh">Status report</h2>
{{#report.hasRatings}}<ul class="ratings">{{#report.ratings}}<li title="{{why}}"><span class="dname">{{name}}</span> <span class="rag {{rating}}"><span aria-hidden="true">{{symbol}}</span> {{label}}</span>{{#trend}} <span class="trend {{direction}}"><span aria-hidden="true">{{symbol}}</span><span class="vh"> {{text}}</span></span>{{/trend}}</li>{{/report.ratings}}</ul>
<p class="compare muted">{{report.comparison}}</p>{{/report.hasRatings}}
{{#report.hasReasons}}<h3>Why {{health.rating}}</h3>
<ul class="reasons">{{#report.reasons}}<li><span class="dtag">{{dimension}}</span> {{text}}</li>{{/report.reasons}}</ul>{{/report.hasReasons}}
{{^report.hasReasons}}{{#isClosed}}<p>The project is closed.</p>{{/isClosed}}{{^isClosed}}<p>No health rule fired: the project is on track.</p>{{/isClosed}}{{/report.hasReasons}}
<dl class="figures">
{{#report.tiles}}<div><dt>{{label}}</dt><dd>{{value}}{{#note}}<span class="note">{{note}}</span>{{/note}}</dd></div>
{{/report.tiles}}
</dl>
<div class="report-cols">
<div><h3>Changed since the last report</h3>
{{#report.moves}}<p>{{intro}}</p>{{#hasItems}}<ul class="moves">{{#items}}<li class="{{direction}}">{{#href}}<a href="{{href}}">{{name}}</a>{{/href}}{{^href}}{{name}}{{/href}}{{text}}</li>{{/items}}</ul>{{/hasItems}}{{^hasItems}}<p>No milestone and not the finish moved.</p>{{/hasItems}}{{#scope}}<p>{{scope}}</p>{{/scope}}{{/report.moves}}
{{#report.changed}}<p><time datetime="{{dateISO}}">{{date}}</time>{{#entryHealth}} <span class="rag {{rating}}"><span aria-hidden="true">{{symbol}}</span> {{label}}</span>{{/entryHealth}} <strong>{{headline}}</strong></p>
{{#excerptHTML}}<div class="prose">{{{excerptHTML}}}</div>{{/excerptHTML}}<p><a href="{{href}}">{{#more}}The whole entry{{/more}}{{^more}}In the journal{{/more}}</a></p>{{/report.changed}}
{{^report.changed}}<p>No journal entry yet.</p>{{/report.changed}}</div>
<div><h3>Decisions and help needed</h3>
{{#report.hasAsks}}<ul class="asks">{{#report.asks}}<li><span class="dtag">{{kind}}</span> <a href="{{href}}">{{title}}</a><span class="note">{{owner}} · {{due}}{{#overdue}} · <strong class="bad">overdue</strong>{{/overdue}}{{#escalated}} · {{escalated}}{{/escalated}}</span></li>
{{/report.asks}}</ul>{{/report.hasAsks}}
{{^report.hasAsks}}<p>Nothing waits for a decision or for help.</p>{{/report.hasAsks}}</div>
</div>
</section>

<dl class="meta">{{#people}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/people}}</dl>
<nav class="toc" aria-label="On this page"><ul>
<li><a href="#report">Status report</a></li>{{#descriptionHTML}}<li><a href="#summary">About</a></li>{{/descriptionHTML}}{{#isClosure}}<li><a href="#closure">Outcome and lessons</a></li>{{/isClosure}}<li><a href="#objectives">Objectives and scope</a></li><li><a href="#milestones">Milestones</a></li>{{#baseline}}<li><a href="#baseline">Baseline</a></li>{{/baseline}}<li><a href="#trend">Trend</a></li><li><a href="#schedule">Schedule</a></li>{{#shown.late}}<li><a href="#late">Late and blocked</a></li>{{/shown.late}}{{#shown.risks}}<li><a href="#risks">Risks</a></li>{{/shown.risks}}<li><a href="#load">Resource load</a></li><li><a href="#budget">Budget</a></li>{{#shown.journal}}<li><a href="#journal">Journal</a></li>{{/shown.journal}}{{#shown.issues}}<li><a href="#issues">Issues and decisions</a></li>{{/shown.issues}}<li><a href="{{tasksHref}}">All tasks</a></li>
</ul></nav>

{{#descriptionHTML}}<section aria-labelledby="summary">
<h2 id="summary">About the project</h2>
<div class="prose">{{{descriptionHTML}}}</div>
</section>{{/descriptionHTML}}

{{#isClosure}}<section aria-labelledby="closure">
<h2 id="closure">Outcome and lessons learned</h2>
{{#outcomeHTML}}<div class="prose">{{{outcomeHTML}}}</div>{{/outcomeHTML}}{{^outcomeHTML}}<p>The outcome is not written yet.</p>{{/outcomeHTML}}
{{#has.lessons}}<h3>Lessons learned</h3><ul>{{#lessons}}<li>{{.}}</li>{{/lessons}}</ul>{{/has.lessons}}
</section>{{/isClosure}}

<section aria-labelledby="objectives">
<h2 id="objectives">Objectives and scope</h2>
{{#has.objectives}}<h3>Objectives</h3><ul class="objectives">{{#objectives}}<li>{{text}}{{#result}} <span class="result {{resultClass}}">{{result}}</span>{{/result}}{{#notesHTML}}<div class="prose">{{{notesHTML}}}</div>{{/notesHTML}}</li>{{/objectives}}</ul>{{/has.objectives}}
{{#has.successCriteria}}<h3>Success criteria</h3><ul class="objectives">{{#successCriteria}}<li>{{text}}{{#result}} <span class="result {{resultClass}}">{{result}}</span>{{/result}}</li>{{/successCriteria}}</ul>{{/has.successCriteria}}
{{#hasScope}}<div class="scope"><div><h3>In scope</h3><ul>{{#scopeIn}}<li>{{.}}</li>{{/scopeIn}}{{^scopeIn}}<li>Not stated</li>{{/scopeIn}}</ul></div><div><h3>Out of scope</h3><ul>{{#scopeOut}}<li>{{.}}</li>{{/scopeOut}}{{^scopeOut}}<li>Not stated</li>{{/scopeOut}}</ul></div></div>{{/hasScope}}
{{^has.objectives}}{{^hasScope}}<p>The plan states no objectives or scope.</p>{{/hasScope}}{{/has.objectives}}
</section>

<section aria-labelledby="milestones">
<h2 id="milestones">Milestones</h2>
{{#has.earlierMilestones}}<details class="more" id="earlier-milestones"><summary>{{earlierMilestonesLabel}}</summary><div class="scroll" tabindex="0" role="region" aria-label="Earlier milestones table"><table class="milestones stack">
<thead><tr><th scope="col">Milestone</th><th scope="col">Done on</th><th scope="col">Forecast</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>
{{#earlierMilestones}}<tr class="ms-{{statusClass}}"><th scope="row">{{title}}</th><td data-label="Done on">{{doneOn}}</td><td data-label="Forecast">{{forecast}}</td><td data-label="Due">{{due}}</td><td data-label="Status"><span class="st {{statusClass}}">{{status}}</span>{{#blocked}}<span class="note">{{blocked}}</span>{{/blocked}}</td></tr>
{{/earlierMilestones}}</tbody></table></div></details>
{{/has.earlierMilestones}}{{#has.milestones}}<div class="scroll" tabindex="0" role="region" aria-label="Milestones table"><table class="milestones stack">
<thead><tr><th scope="col">Milestone</th><th scope="col">Done on</th><th scope="col">Forecast</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>
{{#milestones}}<tr class="ms-{{statusClass}}"><th scope="row">{{title}}</th><td data-label="Done on">{{doneOn}}</td><td data-label="Forecast">{{forecast}}</td><td data-label="Due">{{due}}</td><td data-label="Status"><span class="st {{statusClass}}">{{status}}</span>{{#blocked}}<span class="note">{{blocked}}</span>{{/blocked}}</td></tr>
{{/milestones}}</tbody></table></div>{{/has.milestones}}
{{#has.moreMilestones}}<details class="more" id="more-milestones"><summary>{{moreMilestonesLabel}}</summary><div class="scroll" tabindex="0" role="region" aria-label="Later milestones table"><table class="milestones stack">
<thead><tr><th scope="col">Milestone</th><th scope="col">Done on</th><th scope="col">Forecast</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>
{{#moreMilestones}}<tr class="ms-{{statusClass}}"><th scope="row">{{title}}</th><td data-label="Done on">{{doneOn}}</td><td data-label="Forecast">{{forecast}}</td><td data-label="Due">{{due}}</td><td data-label="Status"><span class="st {{statusClass}}">{{status}}</span>{{#blocked}}<span class="note">{{blocked}}</span>{{/blocked}}</td></tr>
{{/moreMilestones}}</tbody></table></div></details>{{/has.moreMilestones}}
{{^has.milestones}}<p>The plan has no milestones.</p>{{/has.milestones}}
</section>

{{#baseline}}<section aria-labelledby="baseline">
<h2 id="baseline">Against the baseline</h2>
<p>Baseline {{label}}: the plan as it stood then, scheduled on that day.{{#scope}} {{scope}}{{/scope}}</p>
<dl class="figures">{{#figures}}<div><dt>{{label}}</dt><dd>{{value}}{{#note}}<span class="note">{{note}}</span>{{/note}}</dd></div>
{{/figures}}</dl>
{{#hasSlips}}<h3>Slipped against the baseline ({{slipCount}})</h3>
<div class="scroll" tabindex="0" role="region" aria-label="Slips against the baseline"><table class="slips stack">
<thead><tr><th scope="col">Task</th><th scope="col">Baseline finish</th><th scope="col">Forecast finish</th><th scope="col">Variance</th></tr></thead><tbody>
{{#slips}}<tr><th scope="row"><a href="{{href}}">{{title}}</a></th><td data-label="Baseline finish">{{baselineFinish}}</td><td data-label="Forecast finish">{{finish}}</td><td data-label="Variance">{{variance}}</td></tr>
{{/slips}}</tbody></table></div>{{#truncated}}<p class="muted">The 20 largest of {{slipCount}}; <code>planc tasks --baseline</code> lists every variance.</p>{{/truncated}}{{/hasSlips}}
</section>{{/baseline}}
<section aria-labelledby="trend" class="trends">
<h2 id="trend">Trend</h2>
<p class="muted">{{trend.note}}</p>
{{#trend.hasHistory}}{{{trend.chartsHTML}}}{{/trend.hasHistory}}
</section>

<section aria-labelledby="schedule">
<h2 id="schedule">Schedule</h2>
<div class="legend" aria-hidden="true"><span><svg width="26" height="12"><rect class="lg-t" x="1" y="1" width="24" height="10"/></svg> task</span><span><svg width="26" height="12"><rect class="lg-c" x="1" y="1" width="24" height="10"/></svg> critical (hatched)</span><span><svg width="26" height="12"><rect class="lg-t" x="1" y="1" width="24" height="10"/><rect class="lg-p" x="1" y="4" width="14" height="4"/></svg> progress</span><span><svg width="26" height="12"><rect class="lg-s" x="1" y="3" width="24" height="6"/></svg> work package</span><span><svg width="16" height="14"><path class="lg-m" d="M8 0l7 7l-7 7l-7-7z"/></svg> milestone</span><span><svg width="20" height="14"><path class="lg-td" d="M10 0V14"/></svg> today</span><span><svg width="12" height="16"><path class="lg-due" d="M4 1h4v14h-4"/></svg> milestone due</span><span><svg width="26" height="12"><path class="lg-in" d="M1 6H25"/></svg> waits for another package</span>{{#baseline}}<span><svg width="26" height="12"><rect class="lg-t" x="1" y="1" width="24" height="7"/><rect class="lg-bl" x="5" y="9" width="20" height="3"/></svg> baseline</span>{{/baseline}}</div>
<p class="muted">{{taskCount}} rows. The first chart has one row per work package; below it each work package has its own chart. Hover a bar for its dates. The <a href="{{tasksHref}}">task table</a> has the same dates as text.</p>
{{{ganttHTML}}}
</section>

{{#shown.late}}<section aria-labelledby="late">
<h2 id="late">Late and blocked tasks</h2>
{{#has.late}}<h3>Late</h3><ul class="tasklist">{{#lateTasks}}<li><a href="{{href}}">{{title}}</a> — finishes {{finish}}, due {{due}}: {{why}}</li>{{/lateTasks}}</ul>{{/has.late}}
{{#has.blocked}}<h3>Blocked</h3><ul class="tasklist">{{#blockedTasks}}<li><a href="{{href}}">{{title}}</a> — forecast finish {{finish}}</li>{{/blockedTasks}}</ul>{{/has.blocked}}
{{^has.late}}{{^has.blocked}}{{^isClosed}}<p>No task is late or blocked.</p>{{/isClosed}}{{/has.blocked}}{{/has.late}}
{{#has.finishedLate}}<div class="finished-late"><h3>Finished late</h3><p class="muted">Done, after the due date: history, not open work.</p><ul class="tasklist">{{#finishedLateTasks}}<li><a href="{{href}}">{{title}}</a> — finished {{finish}}, due {{due}}: {{why}}</li>{{/finishedLateTasks}}</ul></div>{{/has.finishedLate}}
</section>{{/shown.late}}

{{#shown.risks}}<section aria-labelledby="risks">
<h2 id="risks">Risks</h2>
{{#has.risks}}{{{riskMatrixHTML}}}
<h3>Risk register</h3>
<div class="scroll" tabindex="0" role="region" aria-label="Risk register table"><table class="register stack">
<thead><tr><th scope="col">Risk</th><th scope="col">Likelihood</th><th scope="col">Impact</th><th scope="col">Score</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Mitigation</th><th scope="col">Contingency</th><th scope="col">Review</th></tr></thead><tbody>
{{#risks}}<tr id="{{anchor}}"><th scope="row">{{title}}<br><span class="muted">{{id}}</span>{{#notesHTML}}<details class="notes"><summary>notes</summary>{{{notesHTML}}}</details>{{/notesHTML}}</th><td data-label="Likelihood">{{likelihood}}</td><td data-label="Impact">{{impact}}</td><td data-label="Score"><span class="score {{bandClass}}">{{score}} {{band}}</span></td><td data-label="Owner">{{owner}}</td><td data-label="Status">{{status}}</td><td data-label="Mitigation">{{mitigation}}</td><td data-label="Contingency">{{contingency}}</td><td data-label="Review">{{review}}</td></tr>
{{/risks}}</tbody></table></div>
{{#has.moreRisks}}<details class="more" id="more-risks"><summary>{{moreRisksLabel}}</summary><div class="scroll" tabindex="0" role="region" aria-label="More risks table"><table class="register stack">
<thead><tr><th scope="col">Risk</th><th scope="col">Likelihood</th><th scope="col">Impact</th><th scope="col">Score</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Mitigation</th><th scope="col">Contingency</th><th scope="col">Review</th></tr></thead><tbody>
{{#moreRisks}}<tr id="{{anchor}}"><th scope="row">{{title}}<br><span class="muted">{{id}}</span>{{#notesHTML}}<details class="notes"><summary>notes</summary>{{{notesHTML}}}</details>{{/notesHTML}}</th><td data-label="Likelihood">{{likelihood}}</td><td data-label="Impact">{{impact}}</td><td data-label="Score"><span class="score {{bandClass}}">{{score}} {{band}}</span></td><td data-label="Owner">{{owner}}</td><td data-label="Status">{{status}}</td><td data-label="Mitigation">{{mitigation}}</td><td data-label="Contingency">{{contingency}}</td><td data-label="Review">{{review}}</td></tr>
{{/moreRisks}}</tbody></table></div></details>{{/has.moreRisks}}{{/has.risks}}
{{^has.risks}}<p>The risk register is empty.</p>{{/has.risks}}
</section>{{/shown.risks}}

<section aria-labelledby="load">
<h2 id="load">Resource load</h2>
{{{loadHTML}}}
</section>

<section aria-labelledby="budget">
<h2 id="budget">Budget</h2>
<dl class="figures">{{#budget.rows}}<div><dt>{{label}}</dt><dd>{{value}}{{#note}}<span class="note">{{note}}</span>{{/note}}</dd></div>
{{/budget.rows}}</dl>
{{#budget.chartHTML}}<div class="scroll" tabindex="0" role="region" aria-label="Budget chart">{{{budget.chartHTML}}}</div>{{/budget.chartHTML}}
</section>

{{#shown.journal}}<section aria-labelledby="journal">
<h2 id="journal">Status journal</h2>
{{#has.journal}}{{#journal}}<article class="entry" id="{{anchor}}"><h3><time datetime="{{dateISO}}">{{date}}</time>{{#health}} <span class="rag {{rating}}"><span aria-hidden="true">{{symbol}}</span> {{label}}</span>{{/health}} {{headline}}</h3>{{#textHTML}}<div class="prose">{{{textHTML}}}</div>{{/textHTML}}</article>
{{/journal}}{{/has.journal}}
{{^has.journal}}<p>No journal entries yet.</p>{{/has.journal}}
</section>{{/shown.journal}}

{{#shown.issues}}<section aria-labelledby="issues">
<h2 id="issues">Issues and decisions</h2>
<h3>Issues</h3>
{{#has.issues}}<div class="scroll" tabindex="0" role="region" aria-label="Issues table"><table class="issues stack">
<thead><tr><th scope="col">Issue</th><th scope="col">Severity</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Raised</th><th scope="col">Due</th></tr></thead><tbody>
{{#issues}}<tr id="{{anchor}}" class="is-{{status}}"><th scope="row">{{title}}<br><span class="muted">{{id}}</span>{{#notesHTML}}<details class="notes"><summary>notes</summary>{{{notesHTML}}}</details>{{/notesHTML}}</th><td data-label="Severity">{{severity}}</td><td data-label="Owner">{{owner}}</td><td data-label="Status">{{status}}</td><td data-label="Raised">{{raised}}</td><td data-label="Due">{{due}}</td></tr>
{{/issues}}</tbody></table></div>
{{#has.moreIssues}}<details class="more" id="more-issues"><summary>{{moreIssuesLabel}}</summary><div class="scroll" tabindex="0" role="region" aria-label="More issues table"><table class="issues stack">
<thead><tr><th scope="col">Issue</th><th scope="col">Severity</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Raised</th><th scope="col">Due</th></tr></thead><tbody>
{{#moreIssues}}<tr id="{{anchor}}" class="is-{{status}}"><th scope="row">{{title}}<br><span class="muted">{{id}}</span>{{#notesHTML}}<details class="notes"><summary>notes</summary>{{{notesHTML}}}</details>{{/notesHTML}}</th><td data-label="Severity">{{severity}}</td><td data-label="Owner">{{owner}}</td><td data-label="Status">{{status}}</td><td data-label="Raised">{{raised}}</td><td data-label="Due">{{due}}</td></tr>
{{/moreIssues}}</tbody></table></div></details>{{/has.moreIssues}}{{/has.issues}}
{{^has.issues}}<p>No issues logged.</p>{{/has.issues}}
<h3>Decisions</h3>
{{#has.decisions}}<ul class="decisions">{{#decisions}}<li id="{{anchor}}"><strong>{{title}}</strong> <span class="muted">{{date}} · {{owner}}</span>{{#notesHTML}}<div class="prose">{{{notesHTML}}}</div>{{/notesHTML}}</li>{{/decisions}}</ul>{{/has.decisions}}
{{^has.decisions}}<p>No decisions logged.</p>{{/has.decisions}}
</section>{{/shown.issues}}


{{#projectNotesHTML}}<section aria-labelledby="notes"><h2 id="notes">Notes</h2><div class="prose">{{{projectNotesHTML}}}</div></section>{{/projectNotesHTML}}

"""#,
        "style.css": #"""
/* planc status site. Override this file with --theme DIR (DIR/style.css); see docs/site.md. */
:root {
  --bg: #ffffff; --fg: #1b1f24; --muted: #4f5965; --line: #d0d7de; --band: #f3f5f8; --accent: #0a58ca;
  --green: #1a7f37; --green-bg: #dafbe1; --amber: #8a5a00; --amber-bg: #fff1c2; --red: #b42318; --red-bg: #ffe1de;
  --bar: #6b8fc7; --bar-crit: #c2410c; --progress: #0f2f66; --summary: #39434f; --milestone: #6d28d9;
  --today: #0a58ca; --deadline: #b42318; --grid: #e4e8ee; --dep: #7b8794;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
  line-height: 1.45; color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419; --fg: #e6e9ee; --muted: #a6b0bc; --line: #39424d; --band: #18202a; --accent: #7cb3ff;
    --green: #5ed17b; --green-bg: #0f3320; --amber: #f2c14e; --amber-bg: #3b2c05; --red: #ff8a80; --red-bg: #43140f;
    --bar: #5b7fb8; --bar-crit: #f08a4b; --progress: #e6eefc; --summary: #c3ccd6; --milestone: #b794f6;
    --today: #7cb3ff; --deadline: #ff8a80; --grid: #222b35; --dep: #8d99a6;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
a:focus-visible, .scroll:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 1rem; background: var(--bg); padding: .5rem; z-index: 2; }
header.site, main, footer.site { max-width: 78rem; margin: 0 auto; padding: 0 1rem; }
header.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .5rem 2rem; border-bottom: 1px solid var(--line); padding-top: .5rem; }
.crumbs { list-style: none; margin: .5rem 0; padding: 0; display: flex; flex-wrap: wrap; }
.crumbs li + li::before { content: "/"; margin: 0 .5rem; color: var(--muted); }
.asof { margin: .5rem 0; color: var(--muted); }
footer.site { border-top: 1px solid var(--line); margin-top: 3rem; color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.9rem; margin: 1.2rem 0 .4rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.lead { font-size: 1.1rem; }
.muted, span.note { color: var(--muted); }
span.note { display: block; font-size: .85rem; }
.bad { color: var(--red); font-weight: 600; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
code { font-size: .9em; }

.rag { display: inline-block; padding: .1rem .5rem; border-radius: .8rem; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.rag.green { color: var(--green); background: var(--green-bg); }
.rag.amber { color: var(--amber); background: var(--amber-bg); }
.rag.red { color: var(--red); background: var(--red-bg); }
.health-line { margin: 0 0 .6rem; }
dl.meta { display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; margin: 0 0 1rem; }
dl.meta div { display: flex; gap: .4rem; }
dl.meta dt { color: var(--muted); }
dl.meta dt::after { content: ":"; }
dl.meta dd { margin: 0; }
ul.reasons { margin: .3rem 0 .8rem; padding-left: 1.2rem; }

/* The status report on the first screen: five ratings with trend arrows, the reasons, the key
   figures, what changed and what needs a decision. */
ul.ratings { list-style: none; padding: 0; margin: .8rem 0 .2rem; display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: .5rem; }
ul.ratings li { border: 1px solid var(--line); border-radius: .4rem; padding: .35rem .6rem; display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .45rem; }
ul.ratings .dname { font-weight: 600; flex-basis: 100%; font-size: .9rem; }
.trend { white-space: nowrap; }
ul.ratings .trend { font-size: 1.15rem; font-weight: 700; line-height: 1; }
.trend.better { color: var(--green); } .trend.worse { color: var(--red); } .trend.same { color: var(--muted); }
.health-line .trend { font-size: .95rem; white-space: normal; }
p.compare { margin: 0 0 .4rem; font-size: .85rem; }
.dtag { display: inline-block; min-width: 5.4rem; font-size: .78rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.report h3 { margin-top: .8rem; }
.report-cols { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 2rem; }
.report-cols p { margin: .3rem 0; }
ul.moves { margin: .3rem 0; padding-left: 1.2rem; }
ul.moves li { margin-bottom: .25rem; }
ul.moves li.later::marker { color: var(--red); }
ul.asks { list-style: none; padding: 0; margin: .3rem 0; }
ul.asks li { margin-bottom: .35rem; }
ul.asks .dtag { min-width: 4.6rem; }
ul.asks .note { padding-left: 4.9rem; }

.toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0 0 1rem; }

table { border-collapse: collapse; width: 100%; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--band); }
.scroll { overflow-x: auto; max-width: 100%; }
.portfolio th[scope=row] { min-width: 11rem; }
.portfolio th[scope=row] .muted { font-weight: normal; }
.portfolio td:nth-child(2) { min-width: 15rem; }
th .muted { font-weight: normal; }
.pct { display: block; font-weight: 600; white-space: nowrap; }
.meter { display: block; width: 6rem; height: .45rem; background: var(--band); border: 1px solid var(--line); }
.meter span { display: block; height: 100%; background: var(--progress); }

dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .6rem; margin: 0; }
dl.figures div { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .7rem; }
dl.figures dt { font-size: .85rem; color: var(--muted); }
dl.figures dd { margin: 0; font-weight: 600; }
dl.figures .note { font-weight: normal; }
.prose { max-width: 48rem; }
.scope { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.result, .st { font-weight: 600; white-space: nowrap; }
.result.met, .st.done { color: var(--green); }
.result.partly, .st.next, .st.forecast-late { color: var(--amber); }
.result.missed, .st.missed { color: var(--red); }

.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .85rem; margin-bottom: .3rem; }
.legend svg { vertical-align: middle; }
.lg-t { fill: var(--bar); } .lg-c { fill: var(--bar-crit); stroke: var(--fg); stroke-dasharray: 3 2; }
.lg-p { fill: var(--progress); } .lg-s { fill: var(--summary); } .lg-m { fill: var(--milestone); }
.lg-td { stroke: var(--today); stroke-width: 2; }
.lg-due { fill: none; stroke: var(--deadline); stroke-width: 2; } .lg-in { stroke: var(--dep); stroke-width: 1.5; stroke-dasharray: 2 2; }
details.gantt { border: 1px solid var(--line); border-radius: .4rem; margin: .6rem 0; }
details.gantt > summary { cursor: pointer; padding: .45rem .7rem; background: var(--band); }
.gname { font-weight: 600; }
.gmeta { color: var(--muted); font-size: .9rem; }
/* The row labels (svg.gl) stay in view while the bars (svg.gc) scroll sideways. */
.gs { display: flex; align-items: flex-start; }
svg.gl { display: block; flex: none; position: sticky; left: 0; z-index: 1; background: var(--bg); font-size: 12px; }
svg.gl text { fill: var(--fg); }
svg.gl .band { fill: var(--band); }
svg.gl .sep { stroke: var(--line); }
svg.gl .d { fill: var(--muted); }
svg.gl .x { fill: var(--muted); text-decoration: line-through; }
svg.gc { display: block; flex: none; font-size: 12px; fill: var(--fg); }
svg.gc .band { fill: var(--band); }
svg.gc .grid { stroke: var(--grid); fill: none; }
svg.gc .ax text { fill: var(--muted); font-size: 11px; }
svg.gc .ax .wk { font-size: 10px; }
svg.gc text { fill: var(--fg); }
svg.gc .t > rect:not([fill]) { fill: var(--bar); }
svg.gc .s > rect { fill: var(--summary); }
svg.gc .c > rect:first-of-type { stroke: var(--fg); stroke-width: 1; }
svg.gc .hb { fill: var(--bar-crit); }
svg.gc .hl { stroke: var(--bg); stroke-width: 2; }
svg.gc .t > rect.p, svg.gc .s > rect.p { fill: var(--progress); }
svg.gc .m > path { fill: var(--milestone); }
svg.gc .m.c > path { stroke: var(--fg); stroke-width: 1.5; }
svg.gc .ok { fill: none !important; stroke: var(--bg); stroke-width: 2; }
svg.gc .fl { fill: var(--red); font-weight: 600; }
svg.gc .x > rect, svg.gc .x > path { fill: none; stroke: var(--muted); stroke-width: 1; stroke-dasharray: 3 2; }
svg.gc .fx { fill: var(--muted); font-style: italic; }
svg.gc .dep { fill: none; stroke: var(--dep); stroke-width: 1; }
svg.gc .dep.c { stroke: var(--bar-crit); stroke-width: 1.5; }
svg.gc .dep.in { stroke-dasharray: 2 2; }
svg.gc .ah { fill: var(--dep); }
svg.gc .due { fill: none; stroke: var(--deadline); stroke-width: 2; }
svg.gc .td { stroke: var(--today); stroke-width: 2; }
/* Against a baseline: where the agreed plan had the task, a thin bar under it (a hollow diamond). */
svg.gc .bl, .lg-bl { fill: var(--muted); }
svg.gc .blm, .lg-blm { fill: none; stroke: var(--muted); stroke-width: 1.5; }
svg.gc .tdt { fill: var(--today); font-weight: 600; }
svg.gc .dl { stroke: var(--deadline); stroke-width: 2; stroke-dasharray: 5 3; }
svg.gc .dlt { fill: var(--deadline); font-weight: 600; }

table.matrix { width: auto; max-width: 40rem; }
table.matrix caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
table.matrix td, table.matrix th { border: 1px solid var(--line); min-width: 6.5rem; }
table.matrix td ul { margin: .2rem 0 0; padding-left: 1rem; }
table.matrix li a { display: inline-block; min-height: 24px; padding: 2px 0; }
table.matrix tbody tr:nth-child(even) { background: none; }
table.matrix .band { font-size: .8rem; color: var(--muted); }
td.lo { background: var(--green-bg); } td.md { background: var(--amber-bg); } td.hi { background: var(--red-bg); }
td.hi .band, td.hi a { font-weight: 700; }
.corner { font-size: .8rem; color: var(--muted); }
.score { font-weight: 600; white-space: nowrap; }
.score.hi { color: var(--red); } .score.md { color: var(--amber); } .score.lo { color: var(--green); }

table.load { width: auto; font-size: .82rem; }
table.load td { text-align: right; white-space: nowrap; min-width: 3.3rem; }
table.load th[scope=row] { white-space: nowrap; }
table.load .wd { font-weight: normal; color: var(--muted); font-size: .75rem; }
table.load td.l1 { background: color-mix(in srgb, var(--bar) 18%, var(--bg)); }
table.load td.l2 { background: color-mix(in srgb, var(--bar) 32%, var(--bg)); }
table.load td.l3 { background: color-mix(in srgb, var(--bar) 46%, var(--bg)); }
table.load td.over, .over-key { background: var(--red-bg); color: var(--red); font-weight: 700; }
abbr[title] { text-decoration: none; }

/* Never shrunk below 33rem (about 11.4px text): on a phone the chart scrolls within its region instead. */
svg.budget { display: block; margin-top: 1rem; width: 100%; max-width: 600px; min-width: 33rem; height: auto; font-size: 13px; }
svg.budget text { fill: var(--fg); }
svg.budget .bb { fill: var(--summary); } svg.budget .bp { fill: var(--bar); }
svg.budget .bf { fill: var(--milestone); } svg.budget .bs { fill: var(--progress); }

article.entry { border-left: 3px solid var(--line); padding-left: .8rem; margin: 1rem 0; }
article.entry h3 { margin-top: 0; }
ul.decisions li { margin-bottom: .5rem; }
details.notes summary { cursor: pointer; color: var(--accent); font-size: .85rem; font-weight: normal; }

table.tasks th[scope=row] { font-weight: normal; min-width: 16rem; }
table.tasks td { white-space: nowrap; }
table.tasks td:nth-child(9), table.tasks td:nth-child(10) { white-space: normal; min-width: 8rem; }
.i1 { padding-left: 1.5rem; } .i2 { padding-left: 2.5rem; } .i3 { padding-left: 3.5rem; }
.i4, .i5, .i6, .i7, .i8 { padding-left: 4.5rem; }
tr.k-summary { font-weight: 600; }
.tid { color: var(--muted); font-size: .82rem; font-weight: normal; }

ol.diagnostics li { margin-bottom: 1rem; }
ol.diagnostics li.error strong { color: var(--red); }
ol.diagnostics li.warning strong { color: var(--amber); }

@media (max-width: 60rem) {
  ul.ratings { grid-template-columns: repeat(3, minmax(0, 1fr)); }
}
@media (max-width: 40rem) {
  h1 { font-size: 1.5rem; }
  dl.figures { grid-template-columns: 1fr 1fr; }
  ul.ratings { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .report-cols { grid-template-columns: minmax(0, 1fr); }
  .dtag { min-width: 0; margin-right: .3rem; }
  ul.asks .note { padding-left: 0; }
  th, td { padding: .3rem .35rem; }
}
/* Phones: wide tables become one card per row; each cell names its column (data-label). */
@media (max-width: 37.5rem) {
  dl.figures { grid-template-columns: minmax(0, 1fr); }
  .rag { white-space: normal; max-width: 100%; }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: auto; min-width: 0; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr { border: 1px solid var(--line); border-radius: .4rem; margin: 0 0 .7rem; padding: .2rem 0; }
  table.stack tbody tr:nth-child(even) { background: none; }
  table.stack th[scope=row] { border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
  /* The label floats into the cell's left padding; flow-root makes the cell as tall as the longer of the two. */
  table.stack td { display: flow-root; border: 0; padding-left: 7.4rem; overflow-wrap: anywhere; }
  table.stack td::before { content: attr(data-label); float: left; width: 6.5rem; margin-left: -6.9rem; color: var(--muted); font-size: .85rem; }
  table.stack .meter { max-width: 100%; }
  /* A narrow label column: the labels are cropped, not shrunk; the task table has them whole. */
  svg.gl { width: 8.5rem; }
  table.matrix { width: 100%; table-layout: fixed; font-size: .75rem; }
  table.matrix td, table.matrix th { min-width: 0; padding: .2rem; overflow-wrap: anywhere; white-space: normal; hyphens: auto; }
  table.matrix .corner, table.matrix .band { font-size: .7rem; }
  table.matrix td ul { padding-left: 0; list-style: none; }
  .scope { grid-template-columns: minmax(0, 1fr); }
  pre, .prose { overflow-wrap: anywhere; }
}
/* Trend section (planc build with git history): the milestone trend analysis, forecast finish,
   cost at completion, burn-up and RAG history. Charts keep a readable size and scroll within their
   region on phones; series colours come from the palette above, so dark mode follows. */
section.trends { --s0: var(--accent); --s1: var(--bar-crit); --s2: var(--green); --s3: var(--milestone);
  --s4: var(--amber); --s5: var(--red); --s6: var(--bar); --s7: var(--summary); }
svg.tc { display: block; width: 100%; max-width: 640px; min-width: 33rem; height: auto; font-size: 12px; }
svg.tc text { fill: var(--fg); }
svg.tc .ax line { stroke: var(--grid); }
svg.tc .ax text { fill: var(--muted); font-size: 11px; }
svg.tc .diag { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 6 4; }
svg.tc .diagt, svg.tc .axt { fill: var(--muted); font-style: italic; }
svg.tc .ref { stroke: var(--deadline); stroke-width: 1.5; stroke-dasharray: 5 3; }
svg.tc .reft { fill: var(--deadline); font-weight: 600; }
svg.tc polyline { fill: none; stroke-width: 2; }
svg.tc g.s0 { --c: var(--s0); } svg.tc g.s1 { --c: var(--s1); } svg.tc g.s2 { --c: var(--s2); } svg.tc g.s3 { --c: var(--s3); }
svg.tc g.s4 { --c: var(--s4); } svg.tc g.s5 { --c: var(--s5); } svg.tc g.s6 { --c: var(--s6); } svg.tc g.s7 { --c: var(--s7); }
svg.tc g.scope { --c: var(--summary); } svg.tc g.done { --c: var(--green); }
svg.tc .ln polyline { stroke: var(--c); } svg.tc .ln circle { fill: var(--c); } svg.tc .ln text { fill: var(--c); font-weight: 600; }
svg.tc g.scope polyline { stroke-dasharray: 6 3; }
section.trends p.cap { margin: .8rem 0 .2rem; font-weight: 600; font-size: .9rem; }
.sw { display: inline-block; width: .9rem; height: .9rem; margin-right: .35rem; vertical-align: -.1rem; border-radius: .2rem; }
.sw.s0 { background: var(--s0); } .sw.s1 { background: var(--s1); } .sw.s2 { background: var(--s2); } .sw.s3 { background: var(--s3); }
.sw.s4 { background: var(--s4); } .sw.s5 { background: var(--s5); } .sw.s6 { background: var(--s6); } .sw.s7 { background: var(--s7); }
.sw.scope { background: var(--summary); } .sw.done { background: var(--green); }
ol.mta-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
ol.mta-legend li { overflow-wrap: anywhere; }
details.trend-table { margin: .6rem 0; }
table.mta td, table.trend-versions td { white-space: nowrap; }
@media print { section.trends { display: none; } }
/* Paper: A4 with page numbers; the layout adds the running header (page title, reporting date). */
@page {
  size: A4; margin: 17mm 14mm 15mm;
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #333; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --band: #f4f4f4; }
  body { font-size: 9.5pt; line-height: 1.35; }
  table { font-size: 8.5pt; }
  th, td { padding: .12rem .35rem; }
  td { white-space: nowrap; }
  table.register td:nth-child(7), table.register th[scope=row], table.issues th[scope=row] { white-space: normal; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  h2 { font-size: 1.15rem; margin: .7rem 0 .25rem; }
  header.site { display: none; }
  footer.site { margin-top: .4rem; font-size: 8pt; }
  /* The project page prints as a status report of one or two pages: summary, milestones, the
     schedule's roll-up per work package, late and blocked work, the top risks, the latest
     journal entry, issues and decisions. The task table and plan.json keep the detail. */
  section[aria-labelledby=objectives], section[aria-labelledby=load], section[aria-labelledby=budget],
  .legend, .legend + p, .gs, table.matrix, table.matrix + p, details.notes, article.entry ~ article.entry,
  ul.decisions .prose, section[aria-labelledby=notes], section[aria-labelledby=summary], section[aria-labelledby=journal],
  p.compare { display: none; }
  ul.ratings { gap: .3rem; margin-top: .4rem; grid-template-columns: repeat(5, minmax(0, 1fr)); }
  ul.ratings li { padding: .15rem .4rem; }
  .report dl.figures { grid-template-columns: repeat(5, minmax(0, 1fr)); }
  .report dl.figures .note { font-size: 7.5pt; }
  .report-cols p:has(> a[href^="#journal"]), table.issues tr.is-closed, table.issues tr.is-resolved, .finished-late { display: none; }
  ul.decisions { margin: .2rem 0; }
  table.register th[scope=row] .muted, table.issues th[scope=row] .muted, table.register th[scope=row] br, table.issues th[scope=row] br { display: none; }
  dl.figures { grid-template-columns: repeat(3, 1fr); gap: .3rem; }
  dl.figures div { padding: .25rem .5rem; }
  h3 { margin: .6rem 0 .2rem; }
  article.entry { margin: .4rem 0; }
  .prose p { margin: .3rem 0; }
  details.gantt { border: 0; margin: 0; }
  details.gantt > summary { background: none; padding: .05rem 0; }
  table.register tbody tr:nth-child(n+4) { display: none; }
  table.register :is(th, td):is(:nth-child(2), :nth-child(3), :nth-child(8), :nth-child(9)) { display: none; }
  ul.reasons, ul.decisions li { margin-bottom: .2rem; }
  .skip, .toc, script { display: none; }
  header.site, main, footer.site { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; }
  details > summary { list-style: none; }
  section { break-inside: auto; }
  h2, h3 { break-after: avoid; }
  tr, article.entry, details.gantt { break-inside: avoid; }
  table.load { font-size: 6.5pt; }
  table.load td { min-width: 0; }
}

/* Large plans (issue 11): the roll-up chart, folded long lists and the chunked task table. The
   browser lays out and paints a block with `content-visibility: auto` only near the screen; until
   then the block is as tall as its min-height. (Not `contain-intrinsic-size`, which says the same:
   the Nu Html Checker rejects it as an unknown property.) A Gantt chart's min-height is its own
   height, set on the element; a chunk of the task table holds 100 rows of at least two lines. */
svg.gc .rm { fill: var(--milestone); stroke: var(--bg); stroke-width: 1; }
details.gantt > .gs { content-visibility: auto; }
details.more { margin: .6rem 0; }
details.more > summary, details.packages > summary { cursor: pointer; color: var(--accent); }
details.more > summary { padding: .3rem 0; }
ol.packages { margin: .3rem 0 .6rem; padding-left: 2.5rem; }
ol.packages li { padding: 2px 0; }
details.packages > p { margin: .5rem .7rem; max-width: 48rem; }
/* Fixed column widths, so the columns of every chunk line up; a chunk is as wide as they add up
   to, since content-visibility clips what overflows it. */
div.chunk { content-visibility: auto; min-height: 5000px; width: 107.2rem; }
div.chunk:last-child { content-visibility: visible; min-height: 0; }
table.tasks.chunked { table-layout: fixed; }
table.tasks.chunked td { white-space: normal; overflow-wrap: anywhere; }
table.tasks.chunked thead th:nth-child(1) { width: 5rem; }
table.tasks.chunked thead th:nth-child(2) { width: 18rem; }
table.tasks.chunked thead th:is(:nth-child(3), :nth-child(4)) { width: 7.6rem; }
table.tasks.chunked thead th:nth-child(7) { width: 7rem; }
table.tasks.chunked thead th:is(:nth-child(5), :nth-child(6)) { width: 4rem; }
table.tasks.chunked thead th:nth-child(8) { width: 6rem; }
table.tasks.chunked thead th:nth-child(9) { width: 10rem; }
table.tasks.chunked thead th:nth-child(10) { width: 12rem; }
table.tasks.chunked thead th:nth-child(11) { width: 26rem; }
@media print {
  /* Paper shows everything: nothing is skipped for being off screen. */
  details.gantt > .gs, div.chunk { content-visibility: visible; min-height: 0; }
}

"""#,
        "tasks.mustache": #"""
<h1>{{projectTitle}}: tasks</h1>
<p class="lead">{{count}} rows in work breakdown order. Back to the <a href="{{projectHref}}">status page</a>.</p>
<div class="scroll" tabindex="0" role="region" aria-label="Task table">
{{#chunks}}{{#chunked}}<div class="chunk">{{/chunked}}<table class="tasks{{#chunked}} chunked{{/chunked}}">
<caption class="vh">{{caption}}</caption>
<thead><tr><th scope="col">WBS</th><th scope="col">Task</th><th scope="col">Start</th><th scope="col">Finish</th>{{#hasBaseline}}<th scope="col">Baseline finish</th>{{/hasBaseline}}<th scope="col">Slack</th><th scope="col">Done</th><th scope="col">Status</th><th scope="col">Flags</th><th scope="col">Assigned</th><th scope="col">After</th><th scope="col">Why</th></tr></thead>
<tbody>
{{{rowsHTML}}}
</tbody>
</table>{{#chunked}}</div>{{/chunked}}
{{/chunks}}</div>

"""#,
    ]
}
