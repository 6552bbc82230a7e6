#include "highlightdelegate.h"

#include <QApplication>
#include <QPainter>

namespace AT {

HighlightDelegate::HighlightDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void HighlightDelegate::setHighlight(const QString &text)
{
    m_text = text.trimmed();
}

void HighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    if (m_text.isEmpty() || !text.contains(m_text, Qt::CaseInsensitive)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Let the style draw the background and selection, then the text with its matches marked.
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    const QString shown = opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width());
    painter->save();
    painter->setClipRect(textRect);
    QColor mark(255, 214, 0, 150);
    int x = textRect.left();
    const int y = textRect.top() + (textRect.height() - opt.fontMetrics.height()) / 2;
    qsizetype from = 0;
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    while (from < shown.size()) {
        const qsizetype hit = shown.indexOf(m_text, from, Qt::CaseInsensitive);
        const qsizetype plainEnd = hit < 0 ? shown.size() : hit;
        const QString plain = shown.mid(from, plainEnd - from);
        painter->drawText(QPoint(x, y + opt.fontMetrics.ascent()), plain);
        x += opt.fontMetrics.horizontalAdvance(plain);
        if (hit < 0) {
            break;
        }
        const QString match = shown.mid(hit, m_text.size());
        const int w = opt.fontMetrics.horizontalAdvance(match);
        painter->fillRect(QRect(x, y, w, opt.fontMetrics.height()), mark);
        painter->drawText(QPoint(x, y + opt.fontMetrics.ascent()), match);
        x += w;
        from = hit + m_text.size();
    }
    painter->restore();
}

} // namespace AT
