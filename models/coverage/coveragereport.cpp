#include "coveragereport.h"

#include "anchoring.h"
#include "plural.h"
#include "sentences.h"

namespace AT {

namespace {
QString countWithPercent(qsizetype part, qsizetype total)
{
    return QStringLiteral("%1 (%2%)").arg(part).arg(percentOf(part, total));
}
} // namespace

QString coverageReport(const QString &caseName, const Case &kase, const QList<SourceCoverage> &coverage,
                       const std::function<QString(const QString &)> &safe)
{
    auto clean = [&](const QString &text) { return safe ? safe(text) : text; };
    QString out;
    out += QStringLiteral("Coverage: %1 (%2)\n")
               .arg(clean(kase.title.isEmpty() ? QStringLiteral("untitled") : kase.title), clean(caseName));
    qsizetype sentences = 0;
    qsizetype cited = 0;
    qsizetype reviewed = 0;
    qsizetype unreviewed = 0;
    qsizetype referenceOnly = 0;
    for (const SourceCoverage &c : coverage) {
        out += QStringLiteral("%1  %2\n").arg(clean(c.sourceId), clean(c.title));
        if (c.referenceOnly) {
            ++referenceOnly;
            out += QStringLiteral("  %1; no sentences to review\n").arg(referenceOnlyNotice());
            continue;
        }
        sentences += c.total();
        cited += c.cited;
        reviewed += c.reviewed;
        unreviewed += c.unreviewed;
        out += QStringLiteral("  sentences %1, cited %2, reviewed-not-used %3, unreviewed %4\n")
                   .arg(c.total())
                   .arg(countWithPercent(c.cited, c.total()), countWithPercent(c.reviewed, c.total()),
                        countWithPercent(c.unreviewed, c.total()));
        if (c.unplaced > 0) {
            out += QStringLiteral("  %1 not found where the case says (see --check) and accounting for nothing\n")
                       .arg(countOf(c.unplaced, QStringLiteral("passage"), QStringLiteral("passages")));
        }
        const Source *source = kase.source(c.sourceId);
        if (!source || c.unreviewed == 0) {
            continue;
        }
        const TextIndex index(source->text);
        for (const SentenceCoverage &s : c.sentences) {
            if (s.status != SentenceStatus::Unreviewed) {
                continue;
            }
            const qint64 from = index.toUtf16(s.span.start);
            const qint64 to = index.toUtf16(s.span.end);
            out += QStringLiteral("  [%1\u2013%2] %3\n")
                       .arg(s.span.start)
                       .arg(s.span.end)
                       .arg(clean(firstWords(QStringView(source->text).sliced(from, to - from))));
        }
    }
    out += QStringLiteral("Total: %1, %2: cited %3, reviewed-not-used %4, unreviewed %5\n")
               .arg(countOf(coverage.size(), QStringLiteral("source"), QStringLiteral("sources"))
                        + (referenceOnly > 0 ? QStringLiteral(" (%1 reference only)").arg(referenceOnly) : QString()),
                    countOf(sentences, QStringLiteral("sentence"), QStringLiteral("sentences")),
                    countWithPercent(cited, sentences), countWithPercent(reviewed, sentences),
                    countWithPercent(unreviewed, sentences));
    return out;
}

QString coverageSummary(const SourceCoverage &c)
{
    // The source as readers know it (its headline, or its first words), not its id.
    const QString name = QStringLiteral("\u201c") + firstWords(c.title.isEmpty() ? c.sourceId : c.title, 8, 48)
        + QStringLiteral("\u201d");
    if (c.referenceOnly) {
        return QStringLiteral("%1: %2").arg(name, referenceOnlyNotice());
    }
    if (c.total() == 0) {
        return QStringLiteral("%1: no sentences").arg(name);
    }
    // One arg() call: case text (the name) is never read again for placeholders.
    return QStringLiteral("%1: %2 of %3 accounted for (%4%), %5 unreviewed")
        .arg(name, QString::number(c.accountedFor()),
             countOf(c.total(), QStringLiteral("sentence"), QStringLiteral("sentences")),
             QString::number(percentOf(c.accountedFor(), c.total())), QString::number(c.unreviewed));
}

} // namespace AT
