// The echarts parts of the heat map (best times), loaded only by the page that shows it.
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { init };
