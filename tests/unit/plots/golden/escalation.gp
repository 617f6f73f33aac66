# brink chart style (compiled into brink_plots; every chart script starts with it).
# Lines: Okabe & Ito (2008) colour-blind-safe colours, each paired with its own dash type and point type so
# that series stay distinct in greyscale print. Yellow is left out (too light on white). 16 styles, then repeat.
set encoding utf8
set border 3 front lc rgb "#404040" lw 1
set tics nomirror out scale 0.6 textcolor rgb "#202020"
set grid back lc rgb "#e0e0e0" lw 1 dt 1
set key noautotitle
set key textcolor rgb "#202020" box lc rgb "#c0c0c0" opaque samplen 3 spacing 1.1
set style fill solid 1.0 noborder
set linetype 1 lc rgb "#0072B2" lw 2.5 dt 1 pt 7 ps 1.2
set linetype 2 lc rgb "#D55E00" lw 2.5 dt 2 pt 5 ps 1.2
set linetype 3 lc rgb "#009E73" lw 2.5 dt 4 pt 9 ps 1.3
set linetype 4 lc rgb "#CC79A7" lw 2.5 dt 5 pt 11 ps 1.3
set linetype 5 lc rgb "#E69F00" lw 2.5 dt 3 pt 13 ps 1.3
set linetype 6 lc rgb "#56B4E9" lw 2.5 dt (16,6,4,6) pt 6 ps 1.2
set linetype 7 lc rgb "#000000" lw 2.5 dt (4,4) pt 4 ps 1.2
set linetype 8 lc rgb "#7F7F7F" lw 2.5 dt (24,6) pt 8 ps 1.2
# Series 9 to 16: the same colours in another order, with dash patterns of their own.
set linetype 9 lc rgb "#D55E00" lw 2.5 dt (2,4) pt 4 ps 1.2
set linetype 10 lc rgb "#0072B2" lw 2.5 dt (12,4,2,4,2,4) pt 8 ps 1.2
set linetype 11 lc rgb "#CC79A7" lw 2.5 dt (20,5) pt 12 ps 1.3
set linetype 12 lc rgb "#009E73" lw 2.5 dt (2,3,8,3) pt 10 ps 1.3
set linetype 13 lc rgb "#56B4E9" lw 2.5 dt (6,3) pt 14 ps 1.3
set linetype 14 lc rgb "#E69F00" lw 2.5 dt (14,3,3,3) pt 3 ps 1.2
set linetype 15 lc rgb "#7F7F7F" lw 2.5 dt (3,6) pt 1 ps 1.2
set linetype 16 lc rgb "#000000" lw 2.5 dt (10,3,2,3,2,3,2,3) pt 2 ps 1.2
set linetype cycle 16
# Paul Tol's BuRd diverging scheme: red = low (conflict, hostility), white = 0, blue = high (cooperation).
brink_palette_diverging = 'set palette defined (0 "#B2182B", 1 "#D6604D", 2 "#F4A582", 3 "#FDDBC7", 4 "#F7F7F7", 5 "#D1E5F0", 6 "#92C5DE", 7 "#4393C3", 8 "#2166AC")'
# Paul Tol's YlOrBr sequential scheme: light = low, dark = high; monotone in lightness (greyscale-safe).
brink_palette_sequential = 'set palette defined (0 "#FFFFE5", 1 "#FFF7BC", 2 "#FEE391", 3 "#FEC44F", 4 "#FB9A29", 5 "#EC7014", 6 "#CC4C02", 7 "#993404", 8 "#662506")'
# Escalation: Gulf corridor crisis (fictional), seed 17 (war on 11 Apr 2030)
set xrange [1898517916.8:1902157603.2]
$p0s0 << EOD
1898553600 1.12
1898726400 1.12
1898726400 1.12
1898856000 1.12
1898856000 2.12
1898985600 2.12
1898985600 2.12
1899244800 2.12
1899244800 2.12
1899331200 2.12
1899331200 2.12
1899417600 2.12
1899417600 2.12
1899612000 2.12
1899612000 4.12
1899763200 4.12
1899763200 4.12
1899849600 4.12
1899849600 4.12
1899936000 4.12
1899936000 4.12
1900022400 4.12
1900022400 4.12
1900281600 4.12
1900281600 4.12
1900454400 4.12
1900454400 4.12
1900713600 4.12
1900713600 4.12
1900886400 4.12
1900886400 4.12
1901145600 4.12
1901145600 6.12
1901296800 6.12
1901296800 6.12
1901404800 6.12
1901404800 6.12
1901577600 6.12
1901577600 6.12
1901880000 6.12
1901880000 8.12
1902009600 8.12
1902009600 8.12
1902121920 8.12
1902121920 9.12
EOD
$p0s1 << EOD
1898553600 1.04
1898726400 1.04
1898726400 1.04
1898856000 1.04
1898856000 1.04
1898985600 1.04
1898985600 3.04
1899244800 3.04
1899244800 3.04
1899331200 3.04
1899331200 3.04
1899417600 3.04
1899417600 3.04
1899612000 3.04
1899612000 3.04
1899763200 3.04
1899763200 4.04
1899849600 4.04
1899849600 4.04
1899936000 4.04
1899936000 4.04
1900022400 4.04
1900022400 4.04
1900281600 4.04
1900281600 4.04
1900454400 4.04
1900454400 4.04
1900713600 4.04
1900713600 4.04
1900886400 4.04
1900886400 4.04
1901145600 4.04
1901145600 4.04
1901296800 4.04
1901296800 6.04
1901404800 6.04
1901404800 6.04
1901577600 6.04
1901577600 6.04
1901880000 6.04
1901880000 6.04
1902009600 6.04
1902009600 6.04
1902121920 6.04
1902121920 9.04
EOD
$p0s2 << EOD
1898553600 -0.03999999999999999
1898726400 -0.03999999999999999
1898726400 -0.03999999999999999
1898856000 -0.03999999999999999
1898856000 -0.03999999999999999
1898985600 -0.03999999999999999
1898985600 -0.03999999999999999
1899244800 -0.03999999999999999
1899244800 0.96
1899331200 0.96
1899331200 0.96
1899417600 0.96
1899417600 0.96
1899612000 0.96
1899612000 0.96
1899763200 0.96
1899763200 0.96
1899849600 0.96
1899849600 0.96
1899936000 0.96
1899936000 0.96
1900022400 0.96
1900022400 0.96
1900281600 0.96
1900281600 2.96
1900454400 2.96
1900454400 2.96
1900713600 2.96
1900713600 2.96
1900886400 2.96
1900886400 2.96
1901145600 2.96
1901145600 2.96
1901296800 2.96
1901296800 2.96
1901404800 2.96
1901404800 4.96
1901577600 4.96
1901577600 4.96
1901880000 4.96
1901880000 4.96
1902009600 4.96
1902009600 4.96
1902121920 4.96
1902121920 4.96
EOD
$p0s3 << EOD
1898553600 -0.12
1898726400 -0.12
1898726400 -0.12
1898856000 -0.12
1898856000 -0.12
1898985600 -0.12
1898985600 -0.12
1899244800 -0.12
1899244800 -0.12
1899331200 -0.12
1899331200 1.88
1899417600 1.88
1899417600 1.88
1899612000 1.88
1899612000 1.88
1899763200 1.88
1899763200 1.88
1899849600 1.88
1899849600 1.88
1899936000 1.88
1899936000 1.88
1900022400 1.88
1900022400 1.88
1900281600 1.88
1900281600 1.88
1900454400 1.88
1900454400 1.88
1900713600 1.88
1900713600 1.88
1900886400 1.88
1900886400 1.88
1901145600 1.88
1901145600 1.88
1901296800 1.88
1901296800 1.88
1901404800 1.88
1901404800 1.88
1901577600 1.88
1901577600 1.88
1901880000 1.88
1901880000 1.88
1902009600 1.88
1902009600 1.88
1902121920 1.88
1902121920 1.88
EOD
set title "Escalation: Gulf corridor crisis (fictional), seed 17 (war on 11 Apr 2030)" font ",13" offset 0,0.8
# panel 0
set lmargin at screen 0.1833
set rmargin at screen 0.8133
set bmargin at screen 0.1020
set tmargin at screen 0.9101
set xlabel "date"
set xtics ("4 Mar\n2030" 1898812800, "11 Mar" 1899417600, "18 Mar" 1900022400, "25 Mar" 1900627200, "1 Apr" 1901232000, "8 Apr" 1901836800)
set ylabel ""
set yrange [-0.5:9.5]
set format y "% h"
set ytics ("Normal relations" 0, "Diplomatic protest" 1, "Verbal threat" 2, "Formal warning" 3, "Sanctions" 4, "Show of force" 5, "Mobilisation" 6, "Blockade" 7, "Limited military action" 8, "War" 9)
set key at screen 0.8233, screen 0.9101 left top vertical Left reverse width 1 maxcols 1 maxrows 100
unset arrow
unset label
set label "escalation rung (ladder step)" at screen 0.0093, screen 0.5061 center rotate by 90
set arrow from 1902121920, graph 0 to 1902121920, graph 1 nohead front lc rgb "#404040" lw 1.2 dt 3
set label "war, 11 Apr 2030" at 1902121920, graph 1 right offset 0.5,0.7 front textcolor rgb "#404040"
plot $p0s0 using 1:2 with lines lt 1 title "Borduria", \
     $p0s0 using 1:2 every ::44::44 with points lt 1 notitle, \
     $p0s1 using 1:2 with lines lt 2 title "Syldavia", \
     $p0s1 using 1:2 every ::44::44 with points lt 2 notitle, \
     $p0s2 using 1:2 with lines lt 3 title "Arcadian League", \
     $p0s2 using 1:2 every ::44::44 with points lt 3 notitle, \
     $p0s3 using 1:2 with lines lt 4 title "Carpathia", \
     $p0s3 using 1:2 every ::44::44 with points lt 4 notitle
