#pragma once

#include <QIdentityProxyModel>

namespace AT {

// Shows another role of the source model as the display text: lets a plain list view show a model's
// multi-line "card" role without a custom delegate.
class RoleProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    RoleProxyModel(int displayRole, QObject *parent = nullptr)
        : QIdentityProxyModel(parent)
        , m_role(displayRole)
    { }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        return QIdentityProxyModel::data(index, role == Qt::DisplayRole ? m_role : role);
    }

private:
    int m_role;
};

} // namespace AT
