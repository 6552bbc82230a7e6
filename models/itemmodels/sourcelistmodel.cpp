#include "sourcelistmodel.h"

#include "anchoring.h"
#include "casesession.h"
#include "roles.h"
#include "sourcecoverage.h"

#include <QVariantMap>

#include <algorithm>
#include <memory>
#include <vector>

namespace AT {

SourceListModel::SourceListModel(CaseSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, &SourceListModel::rebuild);
    rebuild();
}

void SourceListModel::rebuild()
{
    beginResetModel();
    const Case &kase = m_session->kase();
    const CaseIndex &index = m_session->index();
    m_passages = QList<QList<Passage>>(kase.sources.size());
    m_citationCount.fill(0, kase.sources.size());
    m_unreviewed.fill(-1, kase.sources.size());
    std::vector<std::unique_ptr<TextIndex>> texts;
    for (const Source &s : kase.sources) {
        texts.push_back(std::make_unique<TextIndex>(s.text));
    }
    // Each distinct cited range once, with every event that cites it.
    QList<QHash<QPair<qint64, qint64>, qsizetype>> seen(kase.sources.size());
    auto add = [&](const Citation &c, qsizetype event) {
        const int s = index.sourceNumber(c.sourceId);
        if (s < 0 || !c.isAnchored()) {
            return;
        }
        const QPair<qint64, qint64> key(texts[s]->toUtf16(c.start), texts[s]->toUtf16(c.end));
        auto it = seen[s].find(key);
        if (it == seen[s].end()) {
            it = seen[s].insert(key, m_passages[s].size());
            m_passages[s].append(Passage {key.first, key.second, {}});
        }
        if (event >= 0 && !m_passages[s][*it].events.contains(event)) {
            m_passages[s][*it].events.append(event);
        }
    };
    for (qsizetype e = 0; e < kase.events.size(); ++e) {
        for (const Citation &c : kase.events[e].citations) {
            add(c, e);
        }
    }
    // Then everything else that cites (actors, claims, disputed points), and the counts.
    kase.forEachCitation([&](const Citation &c) {
        add(c, -1);
        const int s = index.sourceNumber(c.sourceId);
        if (s >= 0) {
            ++m_citationCount[s];
        }
    });
    for (auto &list : m_passages) {
        std::sort(list.begin(), list.end(), [](const Passage &a, const Passage &b) { return a.start < b.start; });
    }
    endResetModel();
}

int SourceListModel::rowOfSource(const QString &sourceId) const
{
    return m_session->index().sourceNumber(sourceId);
}

int SourceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_session->kase().sources.size());
}

int SourceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Source &s = m_session->kase().sources[index.row()];
    const QString unknown = QStringLiteral("unknown");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            // The chooser says it before the reader is opened on nothing.
            return s.referenceOnly && !s.title.simplified().isEmpty()
                ? displayTitle(s) + QStringLiteral(" (reference only)")
                : displayTitle(s);
        case PublisherColumn:
            return s.publisher.isEmpty() ? unknown : s.publisher;
        case PublishedColumn:
            return s.published.isValid() ? s.published.toDisplayString() : unknown;
        case CitationsColumn:
            return m_citationCount[index.row()];
        }
        return {};
    case Qt::ToolTipRole:
        if (s.referenceOnly) {
            return QStringLiteral("%1: %2. %3")
                .arg(displayTitle(s), referenceOnlyNotice(),
                     s.url.isEmpty() ? QStringLiteral("No URL is given.") : QStringLiteral("URL: %1").arg(s.url));
        }
        return {};
    case ReferenceOnlyRole:
        return s.referenceOnly;
    case CitationCountRole:
        return m_citationCount[index.row()];
    case UnreviewedCountRole:
        if (m_unreviewed[index.row()] < 0) {
            // Every source's count from one pass over the case's citations, on first asking (F8
            // looks through the sources in turn); one source at a time would walk them per source.
            const QList<SourceCoverage> coverage = caseCoverage(m_session->kase());
            for (qsizetype r = 0; r < coverage.size() && r < m_unreviewed.size(); ++r) {
                m_unreviewed[r] = int(coverage[r].unreviewed);
            }
        }
        return m_unreviewed[index.row()];
    case SourceUrlRole:
        return s.url;
    case SourceIdRole:
        return s.id;
    case SourceTitleRole:
        return displayTitle(s);
    case SourceTextRole:
        return s.text;
    case PublisherRole:
        return s.publisher.isEmpty() ? unknown : s.publisher;
    case PublishedRole:
        return s.published.isValid() ? s.published.toDisplayString() : unknown;
    case CitedPassagesRole: {
        QVariantList out;
        for (const Passage &p : m_passages[index.row()]) {
            QVariantMap m;
            m.insert(QStringLiteral("start"), p.start);
            m.insert(QStringLiteral("end"), p.end);
            m.insert(QStringLiteral("events"), QVariant::fromValue(p.events));
            out.append(m);
        }
        return out;
    }
    }
    return {};
}

QVariant SourceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TitleColumn:
        return QStringLiteral("Source");
    case PublisherColumn:
        return QStringLiteral("Publisher");
    case PublishedColumn:
        return QStringLiteral("Published");
    case CitationsColumn:
        return QStringLiteral("Citations");
    }
    return {};
}

} // namespace AT
