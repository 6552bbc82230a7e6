#pragma once

#include "roles.h"

#include <QAbstractListModel>
#include <QPointer>

namespace AT {

class CaseSession;

// The citations of the current event: quote, source title and anchor status, one row each.
class CitationListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit CitationListModel(CaseSession *session, QObject *parent = nullptr);

    qsizetype currentEvent() const { return m_event; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // The citations of the given rows, in row order, as citationMimeData() makes them (citationcopy.h):
    // text/plain, text/html and text/markdown, for the clipboard.
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    void setEvent(qsizetype event);
    QPointer<CaseSession> m_session;
    qsizetype m_event = -1;
};

} // namespace AT
