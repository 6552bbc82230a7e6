#pragma once

#include <QStyledItemDelegate>

namespace AT {

// Paints item text with every case-insensitive occurrence of the search text highlighted.
class HighlightDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit HighlightDelegate(QObject *parent = nullptr);

    void setHighlight(const QString &text);
    QString highlight() const { return m_text; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QString m_text;
};

} // namespace AT
