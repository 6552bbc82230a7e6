#include "casereport.h"

#include "anchoring.h"
#include "citationcopy.h"
#include "plural.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace AT {

namespace {
void tally(CitationCounts &counts, const Citation &c)
{
    ++counts.total;
    switch (c.anchor) {
    case Citation::Anchor::Exact:
        ++counts.exact;
        break;
    case Citation::Anchor::Reanchored:
        ++counts.reanchored;
        break;
    case Citation::Anchor::Ambiguous:
        ++counts.ambiguous;
        break;
    case Citation::Anchor::Orphaned:
        ++counts.orphaned;
        break;
    case Citation::Anchor::Unchecked:
        ++counts.unchecked;
        break;
    case Citation::Anchor::ReferenceOnly:
        ++counts.referenceOnly;
        break;
    }
}
} // namespace

CitationCounts countCitations(const Case &kase)
{
    CitationCounts counts;
    kase.forEachCitation([&](const Citation &c) { tally(counts, c); });
    return counts;
}

CitationCounts countReviewedPassages(const Case &kase)
{
    CitationCounts counts;
    for (const ReviewedPassage &r : kase.reviewed) {
        tally(counts, r.passage);
    }
    return counts;
}

qsizetype distinctSources(const QList<Citation> &citations)
{
    QSet<QString> ids;
    for (const Citation &c : citations) {
        ids.insert(c.sourceId);
    }
    return ids.size();
}

QString checkReport(const QString &caseName, const CaseLoad &load)
{
    const Case &k = load.kase;
    const CitationCounts counts = countCitations(k);
    const qsizetype errors = load.errorCount();
    const qsizetype warnings = load.warningCount();
    QString out;
    out += QStringLiteral("Case: %1 (%2)\n").arg(k.title.isEmpty() ? QStringLiteral("untitled") : k.title, caseName);
    if (!load.convertedFrom.isEmpty() && load.notes.isEmpty() && !load.ok()) {
        out += QStringLiteral("Read as a %1; it could not be converted into a case (the problems below say why).\n")
                   .arg(load.convertedFrom);
    } else if (!load.convertedFrom.isEmpty()) {
        out += QStringLiteral("Converted from a %1 into a case:\n").arg(load.convertedFrom);
        for (const QString &note : load.notes) {
            out += QStringLiteral("  - ") + note + QLatin1Char('\n');
        }
    }
    out += QStringLiteral("Sources: %1, actors: %2, events: %3, claims: %4, disagreements: %5\n")
               .arg(k.sources.size())
               .arg(k.actors.size())
               .arg(k.events.size())
               .arg(k.claims.size())
               .arg(k.disagreements.size());
    out += QStringLiteral("Citations: %1 (anchored %2, re-anchored %3, ambiguous %4, orphaned %5, reference only %6)\n")
               .arg(counts.total)
               .arg(counts.exact)
               .arg(counts.reanchored)
               .arg(counts.ambiguous)
               .arg(counts.orphaned + counts.unchecked)
               .arg(counts.referenceOnly);
    // Reviewed passages support nothing, so they are not citations; shown only when there are some.
    if (!k.reviewed.isEmpty()) {
        const CitationCounts reviewed = countReviewedPassages(k);
        out += QStringLiteral("Reviewed passages (read, not used): %1 (anchored %2, re-anchored %3, ambiguous %4, "
                              "orphaned %5, reference only %6)\n")
                   .arg(reviewed.total)
                   .arg(reviewed.exact)
                   .arg(reviewed.reanchored)
                   .arg(reviewed.ambiguous)
                   .arg(reviewed.orphaned + reviewed.unchecked)
                   .arg(reviewed.referenceOnly);
    }
    QStringList referenceOnly;
    for (const Source &s : k.sources) {
        if (s.referenceOnly) {
            referenceOnly << s.id;
        }
    }
    if (!referenceOnly.isEmpty()) {
        // Named once here rather than warned about per citation: a reference is not a fault, but its
        // quotes are unchecked, and the journalist should know which texts would check them.
        const QString cited = counts.referenceOnly == 0 ? QStringLiteral("no item cites them")
            : counts.referenceOnly == 1
            ? QStringLiteral("the 1 citation of them is not checked")
            : QStringLiteral("their %1 citations are not checked").arg(counts.referenceOnly);
        // A bundle of thousands of references would fill the terminal: the first ones name the rest.
        constexpr qsizetype Named = 20;
        QString names = QStringList(referenceOnly.mid(0, Named)).join(QStringLiteral(", "));
        if (referenceOnly.size() > Named) {
            names += QStringLiteral(" and %1 more").arg(referenceOnly.size() - Named);
        }
        out += QStringLiteral("Reference only: %1 (the texts are not in the case, so %2; Case > Re-import Source "
                              "Shown adds a text): %3\n")
                   .arg(countOf(referenceOnly.size(), QStringLiteral("source"), QStringLiteral("sources")), cited,
                        names);
    }
    out += QStringLiteral("Problems: ") + countOf(errors, QStringLiteral("error"), QStringLiteral("errors"))
        + QStringLiteral(", ") + countOf(warnings, QStringLiteral("warning"), QStringLiteral("warnings"));
    if (load.problemCount() > load.problems.size()) {
        out += QStringLiteral(" (first %1 listed; fix those first)").arg(load.problems.size());
    }
    out += QLatin1Char('\n');
    if (const qsizetype accepted = load.acceptedWarningCount(); accepted > 0) {
        // Never silent: what the case accepts is counted, and where the reasons are is said.
        QStringList rules;
        for (auto it = load.acceptedWarnings.cbegin(); it != load.acceptedWarnings.cend(); ++it) {
            rules << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        }
        out += QStringLiteral("Accepted: %1 (%2), not listed; each event or claim gives its reason in "
                              "\"acceptedWarnings\"\n")
                   .arg(countOf(accepted, QStringLiteral("warning"), QStringLiteral("warnings")),
                        rules.join(QStringLiteral(", ")));
    }
    for (const Problem &p : load.problems) {
        out += p.toString() + QLatin1Char('\n');
    }
    return out;
}

QString problemCountText(const CaseLoad &load)
{
    const qsizetype total = load.problemCount();
    QString text = total == 1 ? QStringLiteral("1 problem") : QStringLiteral("%1 problems").arg(total);
    if (total > load.problems.size()) {
        text += QStringLiteral(" (first %1 listed)").arg(load.problems.size());
    }
    return text;
}

QList<qsizetype> chronologicalOrder(const Case &kase)
{
    QList<qsizetype> order(kase.events.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return kase.events[a].date.isBefore(kase.events[b].date); });
    return order;
}

namespace {
// Case text in Markdown is text. HTML (comments and markers included) is escaped, so a renderer
// shows it rather than running it; the inline syntax characters are backslash-escaped, so no
// link, image (a remote fetch), emphasis or code span comes from the case; it stays on one line,
// and a start that would open a heading, list, quote or rule is escaped, so no block either.
QString text(const QString &t)
{
    QString flat = t;
    flat.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    QString out = markdownEscaped(flat);
    static const QRegularExpression blockStart(QStringLiteral("^(\\s*)([#+=-]|\\d+[.)])"));
    if (const QRegularExpressionMatch m = blockStart.match(out); m.hasMatch()) {
        out.insert(m.capturedEnd(2) - 1, QLatin1Char('\\'));
    }
    return out;
}

// Markdown table cells: text() escapes the pipe too.
QString cell(const QString &t)
{
    return text(t);
}

QString unknownIfEmpty(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("unknown") : s;
}
} // namespace

QString markdownSummary(const Case &kase)
{
    QString out;
    out += QStringLiteral("## %1\n\n").arg(text(kase.title));
    out += QStringLiteral(
        "_Generated from the case file by `attribution-timeline --summary`; do not edit by hand._\n\n");
    if (!kase.description.isEmpty()) {
        out += text(kase.description) + QStringLiteral("\n\n");
    }
    const CitationCounts counts = countCitations(kase);
    out += QStringList {countOf(kase.sources.size(), QStringLiteral("source"), QStringLiteral("sources")),
                        countOf(kase.actors.size(), QStringLiteral("actor"), QStringLiteral("actors")),
                        countOf(kase.events.size(), QStringLiteral("event"), QStringLiteral("events")),
                        countOf(kase.claims.size(), QStringLiteral("claim"), QStringLiteral("claims")),
                        countOf(kase.disagreements.size(), QStringLiteral("disputed point"),
                                QStringLiteral("disputed points")),
                        countOf(counts.total, QStringLiteral("citation"), QStringLiteral("citations"))}
               .join(QStringLiteral(", "))
        + QStringLiteral(" (%1 anchored exactly%2).\n\n")
              .arg(counts.exact)
              .arg(counts.referenceOnly == 0
                       ? QString()
                       : QStringLiteral(", %1 of sources whose texts are not in the case").arg(counts.referenceOnly));

    out += QStringLiteral("### Sources\n\n| id | title | publisher | published |\n|---|---|---|---|\n");
    for (const Source &s : kase.sources) {
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(cell(s.id),
                        cell(s.referenceOnly && !s.title.simplified().isEmpty()
                                 ? displayTitle(s) + QStringLiteral(" (") + referenceOnlyNotice() + QLatin1Char(')')
                                 : displayTitle(s)),
                        cell(unknownIfEmpty(s.publisher)),
                        s.published.isValid() ? s.published.toDisplayString() : QStringLiteral("unknown"));
    }

    out += QStringLiteral(
        "\n### Events by date\n\n| date | event | category | sources | disputed |\n|---|---|---|---|---|\n");
    for (qsizetype i : chronologicalOrder(kase)) {
        const Event &e = kase.events[i];
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                   .arg(cell(e.date.toDisplayString()), cell(e.title), cell(e.category),
                        QString::number(distinctSources(e.citations)),
                        kase.isDisputed(e)              ? QStringLiteral("yes")
                            : e.disagreements.isEmpty() ? QString()
                                                        : QStringLiteral("only less specific"));
    }

    out += QStringLiteral("\n### Disputed points\n");
    const auto conflicts = std::count_if(kase.disagreements.cbegin(), kase.disagreements.cend(),
                                         [](const Disagreement &d) { return d.kind == Disagreement::Kind::Conflict; });
    if (!kase.disagreements.isEmpty()) {
        out += QStringLiteral("\n%1 where the accounts conflict; %2 where one account is only less specific than "
                              "another (not a conflict).\n")
                   .arg(countOf(conflicts, QStringLiteral("point"), QStringLiteral("points")),
                        countOf(kase.disagreements.size() - conflicts, QStringLiteral("point"),
                                QStringLiteral("points")));
    }
    for (const Disagreement &d : kase.disagreements) {
        out += QStringLiteral("\n#### %1\n\n").arg(text(d.question));
        out += QStringLiteral("_%1._\n\n").arg(disagreementKindText(d.kind));
        for (const DisagreementVersion &v : d.versions) {
            QStringList from;
            for (const Citation &c : v.citations) {
                const Source *s = kase.source(c.sourceId);
                from
                    << QStringLiteral("%1: \u201c%2\u201d").arg(text(s ? displayTitle(*s) : c.sourceId), text(c.quote));
            }
            out += QStringLiteral("- %1\n").arg(text(v.statement));
            for (const QString &f : from) {
                out += QStringLiteral("  - %1\n").arg(f);
            }
        }
    }
    return out;
}

} // namespace AT
