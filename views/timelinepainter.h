#pragma once

#include "timelineitem.h"
#include "timelinelayout.h"
#include "timelinescale.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPalette>
#include <QRegion>

class QPainter;

namespace AT {

// Paints a TimelineLayout: lane headers, the axis and its ticks, the events (diamonds for exact
// days, bars for ranges and coarse dates) and the "+N" clusters. Needs a painter, not a widget.
// Within `dirty`, only the events and clusters that touch it are drawn.
class TimelinePainter
{
public:
    // What is highlighted: selection and hover.
    struct State
    {
        qsizetype currentEvent = -1;
        QString currentActor; // its events stand out, the others recede
        int hoverItem = -1;
        qsizetype hoverCluster = -1;
    };

    // Labels as elided at their width, by item, width and weight: kept by the view between frames
    // (eliding is most of the cost of a frame full of labels) and cleared when the font or rows change.
    using ElidedLabels = QHash<quint64, QString>;

    TimelinePainter(const TimelineRows &rows, const QList<QColor> &categoryColors, const QPalette &palette,
                    const QFont &font, const State &state, ElidedLabels *elided = nullptr);

    void paint(QPainter &p, const TimelineLayout &layout, const QRegion &dirty) const;

    // The ticks that fit along the layout's axis, each with its label rectangle.
    static QList<QPair<TimelineScale::Tick, QRectF>> ticks(const TimelineLayout &layout, const QFont &font);
    static TimelineScale::TickUnit tickUnit(const TimelineScale &scale, const QFont &font);

private:
    void paintLanesAndAxis(QPainter &p, const TimelineLayout &layout) const;
    void paintEvents(QPainter &p, const TimelineLayout &layout, const QRegion &dirty) const;
    void paintClusters(QPainter &p, const TimelineLayout &layout, const QRegion &dirty) const;

    const TimelineRows &m_rows;
    const QList<QColor> &m_categoryColors;
    QPalette m_palette;
    QFont m_font;
    State m_state;
    ElidedLabels *m_elided;
};

} // namespace AT
