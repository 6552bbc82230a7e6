#pragma once

#include "casedata.h"

#include <QAbstractListModel>

#include <memory>

namespace AT {

// The citations of one event: quote, source title and anchor status, one row each.
class CitationListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        QuoteRole = Qt::UserRole + 100, // QString, verbatim
        SourceIdRole, // QString
        SourceTitleRole, // QString
        AnchorRole, // QString: anchored, re-anchored, ambiguous, orphaned
        IsAnchoredRole, // bool
        StartRole, // qint64 code point offset in the source
        EndRole, // qint64
    };

    explicit CitationListModel(QObject *parent = nullptr);

    void setCase(std::shared_ptr<const Case> kase);
    // Index into Case::events, or -1 for none.
    void setEvent(qsizetype event);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    const QList<Citation> *citations() const;
    std::shared_ptr<const Case> m_case;
    qsizetype m_event = -1;
};

} // namespace AT
