#pragma once

class QAbstractItemModel;

class QChart;
class QString;

namespace AT {

// Builds a Qt Charts chart from a ChartModel (read through the model interface and headers):
// stacked bars per year, horizontal bars per actor, a histogram of sources per event, stacked
// bars of claims by wording, and a Gantt-like bar per actor from first to last cited event.
// `kind` is the ChartModel::Kind as int. The chart is owned by the caller.
QChart *buildChart(const QAbstractItemModel *model, int kind, const QString &title);

} // namespace AT
