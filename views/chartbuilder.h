#pragma once

class QAbstractItemModel;

class QChart;
class QFont;
class QString;

namespace AT {

// Builds a Qt Charts chart from a ChartModel (read through the model interface and headers):
// stacked bars per year, horizontal bars per actor, a histogram of sources per event, stacked
// bars of claims by wording, and a Gantt-like bar per actor from first to last cited event.
// `kind` is the ChartModel::Kind as int. The chart is owned by the caller.
//
// The row labels of the horizontal charts and the legend of the stacked ones are laid out here, not
// by Qt Charts (which elides a label to "..." when its row is lower than one line, and a legend entry
// when the legend is crowded): measured in `font` at every resize, the labels get the column they
// need (up to 40% of the width), wrapped onto two lines (three when rows are tall enough) and set
// smaller when rows are low; the legend wraps entry by entry below the plot. Both are plain text
// items (QGraphicsSimpleTextItem), so case text is never read as markup. A default QFont means the
// application's font.
QChart *buildChart(const QAbstractItemModel *model, int kind, const QString &title, const QFont &font);
QChart *buildChart(const QAbstractItemModel *model, int kind, const QString &title);

// The model row a bar of a chart from buildChart stands for, bars counted from the bottom (horizontal
// charts) or from the left; -1 for the bar that sums up the rows without a bar of their own, which a
// horizontal chart shows when it is too low for a legible label per row ("12 others").
int modelRowOfBar(const QChart *chart, int bar);

} // namespace AT
