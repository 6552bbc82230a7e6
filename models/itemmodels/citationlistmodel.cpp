#include "citationlistmodel.h"

#include "anchoring.h"
#include "casesession.h"
#include "citationcopy.h"
#include "sourceimport.h"

#include <QMimeData>

#include <algorithm>

namespace AT {

CitationListModel::CitationListModel(CaseSession *session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, [this] { setEvent(-1); });
    connect(session->selection(), &SelectionState::currentEventChanged, this, &CitationListModel::setEvent);
}

void CitationListModel::setEvent(qsizetype event)
{
    beginResetModel();
    m_event = (event >= 0 && event < m_session->kase().events.size()) ? event : -1;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, 0);
}

int CitationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_event < 0 ? 0 : static_cast<int>(m_session->kase().events[m_event].citations.size());
}

QVariant CitationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Case &kase = m_session->kase();
    const Citation &c = kase.events[m_event].citations[index.row()];
    const Source *source = kase.source(c.sourceId);
    const QString title = source ? displayTitle(*source) : c.sourceId;
    // A PDF's text has a form feed between pages: the citation says on which page it is.
    const int page = source && c.isAnchored() ? pageAtCodePoint(source->text, c.start) : 0;
    const QString where = page > 0 ? QStringLiteral(", p. %1").arg(page) : QString();
    // A quote from a text the case does not hold: said in words, never given a place it cannot have.
    const bool referenceOnly = c.anchor == Citation::Anchor::ReferenceOnly || (source && source->referenceOnly);
    switch (role) {
    case Qt::DisplayRole:
        // The quote and the title isolated (U+2068…U+2069), so that an Arabic or Hebrew quote sits
        // inside its quotation marks rather than carrying them to one side.
        // The anchor is named only when the quote is not exactly where the case says: that is the
        // exception a reader must notice, and "anchored" after every quote would hide it.
        if (referenceOnly) {
            return QStringLiteral("\u201c\u2068%1\u2069\u201d\n\u2014 \u2068%2\u2069 (%3)")
                .arg(c.quote, title, referenceOnlyNotice());
        }
        return QString(
            QStringLiteral("\u201c\u2068%1\u2069\u201d\n\u2014 \u2068%2\u2069%3").arg(c.quote, title, where)
            + (c.anchor == Citation::Anchor::Exact ? QString() : QStringLiteral(" (%1)").arg(anchorName(c.anchor))));
    case Qt::ToolTipRole:
        if (referenceOnly) {
            return QStringLiteral("%1, %2; the quote is not checked. %3")
                .arg(title, referenceOnlyNotice(),
                     source && !source->url.isEmpty() ? QStringLiteral("URL: %1").arg(source->url)
                                                      : QStringLiteral("No URL is given."));
        }
        return QString(
            QStringLiteral("%1%2, characters %3\u2013%4")
                .arg(title, where, QString::number(c.start), QString::number(c.end))
            + (c.anchor == Citation::Anchor::Exact ? QString() : QStringLiteral(", %1").arg(anchorName(c.anchor))));
    case ReferenceOnlyRole:
        return referenceOnly;
    case QuoteRole:
        return c.quote;
    case SourceIdRole:
        return c.sourceId;
    case SourceTitleRole:
        return title;
    case AnchorRole:
        return anchorName(referenceOnly ? Citation::Anchor::ReferenceOnly : c.anchor);
    case IsAnchoredRole:
        return c.isAnchored();
    case StartRole:
        return c.start;
    case EndRole:
        return c.end;
    case Utf16StartRole:
    case Utf16EndRole:
        if (!source || !c.isAnchored()) {
            return qint64(-1);
        }
        return TextIndex(source->text).toUtf16(role == Utf16StartRole ? c.start : c.end);
    }
    return {};
}

QVariant CitationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section != 0) {
        return {};
    }
    if (m_event < 0) {
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("Citations")) : QVariant();
    }
    const CaseIndex &index = m_session->index();
    const Event &e = index.kase().events[m_event];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return e.title;
    case SummaryRole:
        return e.summary;
    case NotesRole:
        return e.notes;
    case DateDescriptionRole:
        return e.date.describe();
    case SourceCountRole:
        return static_cast<int>(index.eventSources(m_event).size());
    case ParticipantsRole: {
        QStringList out;
        const auto actors = index.eventActors(m_event);
        const auto roles = index.eventRoles(m_event);
        for (size_t i = 0; i < actors.size(); ++i) {
            out << index.kase().actors[actors[i]].name + QStringLiteral(" (") + index.roles()[roles[i]]
                    + QLatin1Char(')');
        }
        return out;
    }
    }
    return {};
}

QStringList CitationListModel::mimeTypes() const
{
    return {QStringLiteral("text/plain"), QStringLiteral("text/html"), QStringLiteral("text/markdown")};
}

QMimeData *CitationListModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &i : indexes) {
        if (checkIndex(i, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
            rows << i.row();
        }
    }
    // A selection lists its rows in the order they were picked; a note lists them as the panel does.
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.isEmpty()) {
        return nullptr;
    }
    const Case &kase = m_session->kase();
    const QList<Citation> &all = kase.events[m_event].citations;
    QList<Citation> citations;
    for (int row : rows) {
        citations << all[row];
    }
    return citationMimeData(kase, citations);
}

} // namespace AT
