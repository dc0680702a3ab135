# Starts swan-inspector as a new user would (no arguments: the demo), once per language, lets
# it run for a few seconds and saves the window. Passes when both runs showed connections and
# frames, and the two PNGs are non-empty and differ (the UI speaks each language).
# Then `swan-inspector FILE.har` must show the connections and frames of a HAR file Chrome
# wrote (offline browsing).
# cmake -DINSPECTOR=<swan-inspector> -DOUTPUT_DIR=<dir> -DHAR_FILE=<file> -P ScreenshotTest.cmake
file(MAKE_DIRECTORY "${OUTPUT_DIR}")

foreach(lang en zh_CN)
    set(png "${OUTPUT_DIR}/inspector-${lang}.png")
    file(REMOVE "${png}")
    execute_process(
        COMMAND "${INSPECTOR}" --screenshot "${png}" --quit-after 4000 --lang ${lang}
        RESULT_VARIABLE status
        OUTPUT_VARIABLE out
        ERROR_VARIABLE err
        TIMEOUT 60)
    message(STATUS "${lang}: ${out}")
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "swan-inspector --lang ${lang} failed (${status}):\n${out}\n${err}")
    endif()
    if(NOT out MATCHES "connections ([0-9]+), frames ([0-9]+)")
        message(FATAL_ERROR "no summary line from swan-inspector:\n${out}\n${err}")
    endif()
    if(CMAKE_MATCH_1 LESS 1 OR CMAKE_MATCH_2 LESS 1)
        message(FATAL_ERROR "the demo showed ${CMAKE_MATCH_1} connections and ${CMAKE_MATCH_2} frames")
    endif()
    if(NOT out MATCHES "language ${lang}")
        message(FATAL_ERROR "asked for ${lang}, got: ${out}")
    endif()
    file(SIZE "${png}" size)
    if(size LESS 10000)
        message(FATAL_ERROR "${png} is ${size} bytes: an empty window?")
    endif()
endforeach()

# The demo's pictures differ in any case (times, ports). Without the demo the window is the
# same from run to run, so there a difference can only come from the language.
foreach(run en en-again zh_CN)
    string(REPLACE "-again" "" lang ${run})
    execute_process(
        COMMAND "${INSPECTOR}" --no-demo --screenshot "${OUTPUT_DIR}/empty-${run}.png"
                --quit-after 1000 --lang ${lang}
        RESULT_VARIABLE status
        OUTPUT_VARIABLE out
        ERROR_VARIABLE err
        TIMEOUT 60)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "swan-inspector --no-demo --lang ${lang} failed (${status}):\n${out}\n${err}")
    endif()
endforeach()
execute_process(
    COMMAND ${CMAKE_COMMAND} -E compare_files
        "${OUTPUT_DIR}/empty-en.png" "${OUTPUT_DIR}/empty-en-again.png"
    RESULT_VARIABLE differs)
if(NOT differs EQUAL 0)
    message(FATAL_ERROR "two English runs without the demo gave different pictures")
endif()
foreach(pair "inspector-en.png;inspector-zh_CN.png" "empty-en.png;empty-zh_CN.png")
    list(GET pair 0 first)
    list(GET pair 1 second)
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E compare_files "${OUTPUT_DIR}/${first}" "${OUTPUT_DIR}/${second}"
        RESULT_VARIABLE differs)
    if(differs EQUAL 0)
        message(FATAL_ERROR "${first} and ${second} are identical: the language made no difference")
    endif()
endforeach()

set(png "${OUTPUT_DIR}/inspector-har.png")
execute_process(
    COMMAND "${INSPECTOR}" --screenshot "${png}" --quit-after 1500 --lang en "${HAR_FILE}"
    RESULT_VARIABLE status
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    TIMEOUT 60)
message(STATUS "har: ${out}")
if(NOT status EQUAL 0)
    message(FATAL_ERROR "swan-inspector ${HAR_FILE} failed (${status}):\n${out}\n${err}")
endif()
# Chrome's file: one connection with five messages, one failed connection without any.
if(NOT out MATCHES "connections 2, frames 5")
    message(FATAL_ERROR "expected 2 connections and 5 frames from ${HAR_FILE}:\n${out}\n${err}")
endif()
