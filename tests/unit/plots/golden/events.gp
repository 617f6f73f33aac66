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
# events: one row per actor, marks coloured by Goldstein weight
brink_mark_size = (GPVAL_TERM eq "svg") ? 1.0 : 1.5
set multiplot
set label 1000 "Events: Gulf corridor crisis (fictional), seed 17" at screen 0.5, screen 0.9733 center font ",13"
set label 1001 "every key event since the start labelled; left: 3 scripted history events before the start" at screen 0.5, screen 0.9441 center textcolor rgb "#404040"
eval brink_palette_diverging
set cbrange [-10:10]
set cblabel "Goldstein weight (-10 conflict ... +10 cooperation)"
set cbtics 5 out nomirror
set ylabel ""
set grid noytics xtics
set yrange [-0.8:4.8]
set ytics ("Borduria" 4, "Syldavia" 3, "Arcadian League" 2, "Carpathia" 1, "whole crisis\n(all actors)" 0)
# history panel: scripted events before the start date
set lmargin at screen 0.1233
set rmargin at screen 0.2650
set bmargin at screen 0.1069
set tmargin at screen 0.8786
unset colorbox
unset key
set xlabel "history"
set xrange [1897411392:1898532000]
set xtics ("18 Feb\n2030" 1897603200, "25 Feb" 1898208000)
set arrow from graph 0, first 4 to graph 1, first 4 nohead back lc rgb "#d0d0d0" lw 1
set arrow from graph 0, first 3 to graph 1, first 3 nohead back lc rgb "#d0d0d0" lw 1
set arrow from graph 0, first 2 to graph 1, first 2 nohead back lc rgb "#d0d0d0" lw 1
set arrow from graph 0, first 1 to graph 1, first 1 nohead back lc rgb "#d0d0d0" lw 1
set arrow from graph 0, first 0 to graph 1, first 0 nohead back lc rgb "#d0d0d0" lw 1
$history_conflict << EOD
1897516800 4.0000 -0.4
1897992000 4.0000 -5
1898380800 3.0000 -4
EOD
$history_neutral << EOD
NaN NaN NaN
EOD
$history_cooperation << EOD
NaN NaN NaN
EOD
plot $history_conflict using 1:2:3 with points pt 11 ps brink_mark_size lc palette notitle, \
     $history_conflict using 1:2 with points pt 10 ps brink_mark_size lw 1 lc rgb "#303030" notitle, \
     $history_neutral using 1:2:3 with points pt 5 ps brink_mark_size lc palette notitle, \
     $history_neutral using 1:2 with points pt 4 ps brink_mark_size lw 1 lc rgb "#303030" notitle, \
     $history_cooperation using 1:2:3 with points pt 7 ps brink_mark_size lc palette notitle, \
     $history_cooperation using 1:2 with points pt 6 ps brink_mark_size lw 1 lc rgb "#303030" notitle
unset label
unset arrow
set format y ""
set ytics ("" 4, "" 3, "" 2, "" 1, "" 0)
# main panel: from the start date
set lmargin at screen 0.2800
set rmargin at screen 0.8600
set bmargin at screen 0.1069
set tmargin at screen 0.8786
set colorbox user origin screen 0.9, screen 0.1069 size screen 0.018, screen 0.7717
unset key
set xlabel "date"
set xrange [1898482233.6:1902193286.4]
set xtics ("4 Mar\n2030" 1898812800, "11 Mar" 1899417600, "18 Mar" 1900022400, "25 Mar" 1900627200, "1 Apr" 1901232000, "8 Apr" 1901836800)
set arrow from graph 0, first 4 to graph 1, first 4 nohead back lc rgb "#d0d0d0" lw 1
set arrow from graph 0, first 3 to graph 1, first 3 nohead back lc rgb "#d0d0d0" lw 1
set arrow from graph 0, first 2 to graph 1, first 2 nohead back lc rgb "#d0d0d0" lw 1
set arrow from graph 0, first 1 to graph 1, first 1 nohead back lc rgb "#d0d0d0" lw 1
set arrow from graph 0, first 0 to graph 1, first 0 nohead back lc rgb "#d0d0d0" lw 1
set arrow from 1898553600, graph 0 to 1898553600, graph 1 nohead back lc rgb "#404040" lw 1.2 dt 3
set label "start" at 1898553600, graph 0 left offset 0.4,0.6 textcolor rgb "#404040"
set arrow from 1902121920, 4.0000 to 1902121920, 4.2927 nohead back lc rgb "#808080" lw 0.8
set label "Borduria invades Syldavia" at 1902137915.9172413, 4.3549 right font ",9" front textcolor rgb "#202020"
set arrow from 1899612000, 4.0000 to 1899612000, 4.2927 nohead back lc rgb "#808080" lw 0.8
set label "Borduria halts gas deliveries t..." at 1899596004.0827584, 4.3549 left font ",9" front textcolor rgb "#202020"
set arrow from 1901145600, 4.0000 to 1901145600, 3.7073 nohead back lc rgb "#808080" lw 0.8
set label "Borduria mobilises its western..." at 1901161595.9172416, 3.6451 right font ",9" front textcolor rgb "#202020"
set arrow from 1899417600, 4.0000 to 1899417600, 3.7073 nohead back lc rgb "#808080" lw 0.8
set label "Borduria warns the League off" at 1899417600, 3.6451 center font ",9" front textcolor rgb "#202020"
set arrow from 1900713600, 3.0000 to 1900713600, 3.2927 nohead back lc rgb "#808080" lw 0.8
set label "Syldavia offers shared corridor..." at 1900697604.0827584, 3.3549 left font ",9" front textcolor rgb "#202020"
set arrow from 1898553600, 4.0000 to 1898553600, 4.4378 nohead back lc rgb "#808080" lw 0.8
set label "Foreign ministers meet in Klow,..." at 1898537604.0827584, 4.5000 left font ",9" front textcolor rgb "#202020"
set arrow from 1899244800, 4.0000 to 1899244800, 3.5622 nohead back lc rgb "#808080" lw 0.8
set label "Borduria asks Carpathia for bac..." at 1899228804.0827584, 3.5000 left font ",9" front textcolor rgb "#202020"
$conflict << EOD
1898856000 4.0000 -4.4
1899417600 4.0000 -5.8
1899612000 4.0000 -8
1900886400 4.0000 -4
1901145600 4.0000 -7.2
1901880000 4.0000 -10
1902121920 4.0000 -10
1898985600 3.0000 -7
1899763200 3.0000 -8
1901296800 3.0000 -7.2
1900022400 2.0000 -5
1900281600 2.0000 -7.2
1901404800 2.0000 -7.2
EOD
$neutral << EOD
1901577600 1.0000 0
1900454400 0.0000 0
EOD
$cooperation << EOD
1898553600 4.0000 4
1898553600 4.0726 3
1899244800 4.0000 3.4
1900713600 3.0000 5
1898726400 2.0000 3.5
1899936000 2.0000 4
1899331200 1.0000 3.5
EOD
plot $conflict using 1:2:3 with points pt 11 ps brink_mark_size lc palette notitle, \
     $conflict using 1:2 with points pt 10 ps brink_mark_size lw 1 lc rgb "#303030" notitle, \
     $neutral using 1:2:3 with points pt 5 ps brink_mark_size lc palette notitle, \
     $neutral using 1:2 with points pt 4 ps brink_mark_size lw 1 lc rgb "#303030" notitle, \
     $cooperation using 1:2:3 with points pt 7 ps brink_mark_size lc palette notitle, \
     $cooperation using 1:2 with points pt 6 ps brink_mark_size lw 1 lc rgb "#303030" notitle
# legend of the mark shapes
set lmargin at screen 0.1000
set rmargin at screen 0.9000
set bmargin at screen 0.9004
set tmargin at screen 0.9296
unset border
unset xtics
unset ytics
unset grid
unset arrow
unset label
unset colorbox
set xlabel ""
set xrange [0:1]
set yrange [0:1]
set key at graph 0.5, graph 0.5 center center horizontal maxcols 3 maxrows 1 Left reverse width 2
plot -1 notitle, \
     keyentry with points pt 10 ps brink_mark_size lw 1 lc rgb "#303030" title "conflict (< 0)", \
     keyentry with points pt 4 ps brink_mark_size lw 1 lc rgb "#303030" title "neutral (0)", \
     keyentry with points pt 6 ps brink_mark_size lw 1 lc rgb "#303030" title "cooperation (> 0)"
unset multiplot
