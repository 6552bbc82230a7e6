#include "citationlistmodel.h"

namespace AT {

CitationListModel::CitationListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void CitationListModel::setCase(std::shared_ptr<const Case> kase)
{
    beginResetModel();
    m_case = std::move(kase);
    m_event = -1;
    endResetModel();
}

void CitationListModel::setEvent(qsizetype event)
{
    beginResetModel();
    m_event = (m_case && event >= 0 && event < m_case->events.size()) ? event : -1;
    endResetModel();
}

const QList<Citation> *CitationListModel::citations() const
{
    return m_event >= 0 ? &m_case->events[m_event].citations : nullptr;
}

int CitationListModel::rowCount(const QModelIndex &parent) const
{
    const auto *list = citations();
    return parent.isValid() || !list ? 0 : static_cast<int>(list->size());
}

QVariant CitationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Citation &c = (*citations())[index.row()];
    const Source *source = m_case->source(c.sourceId);
    const QString title = source ? source->title : c.sourceId;
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("\u201c%1\u201d\n\u2014 %2 (%3)").arg(c.quote, title, anchorName(c.anchor));
    case Qt::ToolTipRole:
        return QStringLiteral("%1, characters %2\u2013%3, %4")
            .arg(title)
            .arg(c.start)
            .arg(c.end)
            .arg(anchorName(c.anchor));
    case QuoteRole:
        return c.quote;
    case SourceIdRole:
        return c.sourceId;
    case SourceTitleRole:
        return title;
    case AnchorRole:
        return anchorName(c.anchor);
    case IsAnchoredRole:
        return c.isAnchored();
    case StartRole:
        return c.start;
    case EndRole:
        return c.end;
    }
    return {};
}

} // namespace AT
