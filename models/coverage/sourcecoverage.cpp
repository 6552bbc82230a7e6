#include "sourcecoverage.h"

#include <QHash>

#include <algorithm>

namespace AT {

QString sentenceStatusName(SentenceStatus status)
{
    switch (status) {
    case SentenceStatus::Cited:
        return QStringLiteral("cited");
    case SentenceStatus::Reviewed:
        return QStringLiteral("reviewed, not used");
    case SentenceStatus::Unreviewed:
        return QStringLiteral("unreviewed");
    }
    return {};
}

int percentOf(qsizetype part, qsizetype total)
{
    return total <= 0 ? 0 : int((part * 100) / total);
}

qsizetype SourceCoverage::sentenceAtOrAfter(qint64 codePoint) const
{
    const auto it = std::lower_bound(sentences.cbegin(), sentences.cend(), codePoint,
                                     [](const SentenceCoverage &s, qint64 at) { return s.span.end <= at; });
    return it == sentences.cend() ? -1 : it - sentences.cbegin();
}

namespace {

// A placed passage of one source: where it stands, and what it belongs to (an index into the
// labels, or for a reviewed passage into Case::reviewed).
struct Mark
{
    qint64 start = 0;
    qint64 end = 0;
    qsizetype what = 0;
    bool reviewed = false;
};

struct Marks
{
    QList<Mark> marks;
    qsizetype unplaced = 0;
};

// Every citation and reviewed passage of the case by source (only `onlySource` when given), with
// the labels of the items that hold the citations.
class Collector
{
public:
    Collector(const Case &kase, const QString *onlySource)
        : m_case(kase)
        , m_only(onlySource)
    { }

    void collect()
    {
        // Items are named as a reader knows them (a name, a title, a question), by id only when
        // the case gives nothing else.
        for (const Actor &a : m_case.actors) {
            add(a.citations, [&]() -> QString { return QStringLiteral("actor ") + actorName(a.id); });
            for (const Alias &alias : a.aliases) {
                add(alias.citations, [&]() -> QString {
                    return QStringLiteral("actor %1 (alias %2)").arg(actorName(a.id), alias.name);
                });
            }
            for (const Affiliation &f : a.affiliations) {
                add(f.citations, [&]() -> QString {
                    return QStringLiteral("actor %1 (affiliation: %2 %3)")
                        .arg(actorName(a.id), f.relation, actorName(f.actorId));
                });
            }
        }
        for (const Event &e : m_case.events) {
            add(e.citations, [&]() -> QString { return QStringLiteral("event ") + quoted(e.title, e.id); });
            add(e.date.provenanceCitations(),
                [&]() -> QString { return QStringLiteral("date of event ") + quoted(e.title, e.id); });
        }
        for (const Claim &c : m_case.claims) {
            add(c.citations, [&]() -> QString { return claimName(c); });
            add(c.date.provenanceCitations(), [&]() -> QString { return QStringLiteral("date of ") + claimName(c); });
        }
        for (const Disagreement &d : m_case.disagreements) {
            for (qsizetype v = 0; v < d.versions.size(); ++v) {
                add(d.versions[v].citations, [&]() -> QString {
                    return QStringLiteral("disputed point %1 (version %2)")
                        .arg(quoted(d.question, d.id), QString::number(v + 1));
                });
            }
        }
        for (qsizetype i = 0; i < m_case.reviewed.size(); ++i) {
            place(m_case.reviewed[i].passage, i, true);
        }
    }

    QHash<QString, Marks> bySource;
    QString actorName(const QString &id) const
    {
        const Actor *a = m_case.actor(id);
        return a && !a->name.trimmed().isEmpty() ? a->name : id;
    }
    // “Text”, shortened at about 60 characters; the id when there is no text.
    static QString quoted(const QString &text, const QString &id)
    {
        const QString simple = text.simplified();
        if (simple.isEmpty()) {
            return id;
        }
        constexpr qsizetype Max = 60;
        return QStringLiteral("\u201c")
            + (simple.size() > Max ? simple.left(Max - 1) + QStringLiteral("\u2026") : simple)
            + QStringLiteral("\u201d");
    }
    QString claimName(const Claim &c) const
    {
        if (c.statement.trimmed().isEmpty()) {
            return QStringLiteral("claim ") + c.id;
        }
        const QString by = c.attributorId.isEmpty() ? QString() : QStringLiteral(" by ") + actorName(c.attributorId);
        return QStringLiteral("claim") + by + QStringLiteral(": ") + quoted(c.statement, c.id);
    }

    QStringList labels;

private:
    template<typename Label> void add(const QList<Citation> &citations, Label &&label)
    {
        qsizetype labelIndex = -1;
        for (const Citation &c : citations) {
            if (m_only && c.sourceId != *m_only) {
                continue;
            }
            if (labelIndex < 0) {
                labelIndex = labels.size();
                labels << label();
            }
            place(c, labelIndex, false);
        }
    }
    void place(const Citation &c, qsizetype what, bool reviewed)
    {
        if (m_only && c.sourceId != *m_only) {
            return;
        }
        Marks &marks = bySource[c.sourceId];
        // Only a passage found where it says it is accounts for a sentence; an empty one for none.
        if (!c.isAnchored()) {
            if (c.anchor != Citation::Anchor::ReferenceOnly) {
                ++marks.unplaced;
            }
            return;
        }
        if (c.end > c.start) {
            marks.marks.append(Mark {c.start, c.end, what, reviewed});
        }
    }

    const Case &m_case;
    const QString *m_only;
};

SourceCoverage cover(const Case &kase, const Source &source, Marks marks, const QStringList &labels)
{
    SourceCoverage out;
    out.sourceId = source.id;
    out.title = displayTitle(source);
    out.referenceOnly = source.referenceOnly;
    out.unplaced = marks.unplaced;
    if (source.referenceOnly) {
        return out;
    }
    const QList<TextSpan> spans = splitSentences(source.text);
    std::sort(marks.marks.begin(), marks.marks.end(),
              [](const Mark &a, const Mark &b) { return a.start != b.start ? a.start < b.start : a.what < b.what; });
    // The sweep: sentences in order (disjoint, ascending), marks by start; `active` holds the marks
    // that started before the sentence ends and may still reach into it.
    QList<Mark> active;
    qsizetype next = 0;
    out.sentences.reserve(spans.size());
    for (const TextSpan &span : spans) {
        active.removeIf([&](const Mark &m) { return m.end <= span.start; });
        while (next < marks.marks.size() && marks.marks[next].start < span.end) {
            if (marks.marks[next].end > span.start) {
                active.append(marks.marks[next]);
            }
            ++next;
        }
        SentenceCoverage s;
        s.span = span;
        QList<qsizetype> cited;
        QList<qsizetype> reviewed;
        for (const Mark &m : std::as_const(active)) {
            (m.reviewed ? reviewed : cited).append(m.what);
        }
        std::sort(cited.begin(), cited.end());
        cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
        std::sort(reviewed.begin(), reviewed.end());
        reviewed.erase(std::unique(reviewed.begin(), reviewed.end()), reviewed.end());
        for (const qsizetype i : std::as_const(cited)) {
            s.citedBy << labels[i];
        }
        for (const qsizetype i : std::as_const(reviewed)) {
            s.reviewedBy << kase.reviewed[i];
        }
        if (!cited.isEmpty()) {
            s.status = SentenceStatus::Cited;
            ++out.cited;
        } else if (!reviewed.isEmpty()) {
            s.status = SentenceStatus::Reviewed;
            ++out.reviewed;
        } else {
            ++out.unreviewed;
        }
        out.sentences.append(std::move(s));
    }
    return out;
}

} // namespace

QList<SourceCoverage> caseCoverage(const Case &kase)
{
    Collector collector(kase, nullptr);
    collector.collect();
    QList<SourceCoverage> out;
    out.reserve(kase.sources.size());
    for (const Source &s : kase.sources) {
        out.append(cover(kase, s, collector.bySource.value(s.id), collector.labels));
    }
    return out;
}

SourceCoverage sourceCoverage(const Case &kase, const QString &sourceId)
{
    const Source *source = kase.source(sourceId);
    if (!source) {
        SourceCoverage none;
        none.sourceId = sourceId;
        return none;
    }
    Collector collector(kase, &sourceId);
    collector.collect();
    return cover(kase, *source, collector.bySource.value(sourceId), collector.labels);
}

} // namespace AT
