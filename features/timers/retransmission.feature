Feature: T1 — retransmission of unacknowledged packets (spec 2, figure 1; 3.3.1 "timeout")

  Figure 1 starts T1 at every request that waits for an acknowledgement (SUBSCRIBE, UNSUBSCRIBE,
  PUBLISH QoS 1, PUBLISH and PUBREL of QoS 2). When T1 (<pkt_timeout>) runs out the packet is
  sent again (Excep2) until <retry_times> is reached; with <timeout_notice> 1 every
  retransmission is reported as <result> 1 with the count as <value>. A resent PUBLISH keeps
  its packet id and sets DUP (MQTT 3.1.1 §3.3.1.1). The spacing is measured at the broker and
  may differ from <pkt_timeout> by the run's timing margin (--timing-margin, also on virtual time).
  Readings this feature depends on:
  - A20: whether <retry_times> counts the first send. Under "after-first" a request is sent
    retry_times + 1 times and result 2 comes pkt_timeout x (retry_times + 1) after the first
    send; under "including-first" retry_times times (at least once). Every scenario first
    observes the number of sends at the broker (a surplus send fits no reading), then checks
    the time of the final result for the reading its Examples or tag name.
  - A8: no stated default for <send_mode> / <recv_mode>: the Background sets string mode.

  Background:
    Given client 0 sends and receives MQTT payloads as text

  Rule: An unacknowledged request is resent every <pkt_timeout>, <retry_times> times, then reported as failed

    @spec:2:retransmission @spec:3.3.8:result=2 @spec:3.3.1:timeout:set
    Scenario Outline: With pkt_timeout <pkt_timeout> s and retry_times <retry_times> a QoS 1 PUBLISH is sent <sends> times
      When the host sends AT+QMTCFG="timeout",0,<pkt_timeout>,<retry_times>,0
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-t1-count"
      When the host sends AT+QMTPUBEX=0,30,1,0,"qmt/t1/count",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBLISH with packet id 30 one of:
        | after-first     | <after-first> times, <pkt_timeout> seconds apart     |
        | including-first | <including-first> times, <pkt_timeout> seconds apart |
      And within <fails after> seconds the module reports +QMTPUBEX: 0,30,2

      @reading:A20=after-first
      Examples: retry_times counts the retransmissions after the first send (A20 after-first)
        | pkt_timeout | retry_times | sends | fails after | after-first | including-first |
        | 3           | 2           | 3     | 9           | 3           | 2               |
        | 1           | 0           | 1     | 1           | 1           | 1               |
        | 5           | 3           | 4     | 20          | 4           | 3               |

      @reading:A20=including-first
      Examples: retry_times counts every send, the first included (A20 including-first)
        | pkt_timeout | retry_times | sends | fails after | after-first | including-first |
        | 3           | 2           | 2     | 6           | 3           | 2               |
        | 5           | 3           | 3     | 15          | 4           | 3               |

    @spec:2:retransmission @spec:3.3.8:qos1-flow
    Scenario: A resent QoS 1 PUBLISH keeps its packet id and message and sets DUP, pkt_timeout apart
      When the host sends AT+QMTCFG="timeout",0,3,2,0
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-t1-dup"
      When the host sends AT+QMTPUBEX=0,31,1,0,"qmt/t1/dup",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBLISH with packet id 31 one of:
        | after-first     | 3 times, 3 seconds apart |
        | including-first | 2 times, 3 seconds apart |
      And the first PUBLISH with packet id 31 has DUP 0 and every resend has DUP 1
      # the longer reading's time: the outline above holds each reading to its own
      And within 9 seconds the module reports +QMTPUBEX: 0,31,2

    @spec:2:retransmission @spec:3.3.8:qos1-flow @spec:3.3.8:result=0
    Scenario: An acknowledged QoS 1 PUBLISH is not resent
      Given client 0 is connected to the broker as "qmt-t1-acked"
      When the host sends AT+QMTPUBEX=0,32,1,0,"qmt/t1/acked",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,32,0
      When 25 seconds pass
      Then the broker receives the PUBLISH with packet id 32 only once

    @spec:2:retransmission @spec:2:timeout-notice @spec:3.3.8:qos1-flow @spec:3.3.8:result=1 @spec:3.3.8:result=0
    Scenario: A PUBACK to a resent PUBLISH stops T1 and completes the publish
      When the host sends AT+QMTCFG="timeout",0,2,3,1
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-t1-late"
      When the host sends AT+QMTPUBEX=0,33,1,0,"qmt/t1/late",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,33,1,1
      # half-way to the next resend, so the PUBACK to the first resend is surely withheld
      When 1 seconds pass
      Given the broker no longer withholds PUBACK
      Then the module reports +QMTPUBEX: 0,33,0
      When 10 seconds pass
      Then the broker receives the PUBLISH with packet id 33 3 times, 2 seconds apart

    @spec:2:retransmission @spec:3.3.6:result=2 @reading:A20=after-first
    Scenario: An unacknowledged SUBSCRIBE is resent with the same packet id, pkt_timeout apart
      When the host sends AT+QMTCFG="timeout",0,4,1,0
      Then the module answers OK
      Given the broker withholds SUBACK
      And client 0 is connected to the broker as "qmt-t1-sub"
      When the host sends AT+QMTSUB=0,35,"qmt/t1/sub",1
      Then the module answers OK
      And by reading A20 the broker receives the SUBSCRIBE with packet id 35 one of:
        | after-first     | 2 times, 4 seconds apart |
        | including-first | 1 times, 4 seconds apart |
      And within 8 seconds the module reports +QMTSUB: 0,35,2
      And the broker receives the SUBSCRIBE with packet id 35 2 times, 4 seconds apart

  Rule: <timeout_notice> decides whether each retransmission is reported (figure 1 legend, A6)

    @spec:2:timeout-notice @spec:3.3.8:result=1 @spec:3.3.1:timeout:set @reading:A20=after-first
    Scenario: With timeout_notice 1 every retransmission of a PUBLISH is reported with its count
      When the host sends AT+QMTCFG="timeout",0,1,3,1
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-notice-on"
      When the host sends AT+QMTPUBEX=0,36,1,0,"qmt/notice/on",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBLISH with packet id 36 one of:
        | after-first     | 4 times, 1 seconds apart |
        | including-first | 3 times, 1 seconds apart |
      And the module reports +QMTPUBEX: 0,36,1,1
      And the module reports +QMTPUBEX: 0,36,1,2
      And the module reports +QMTPUBEX: 0,36,1,3
      And within 4 seconds the module reports +QMTPUBEX: 0,36,2

    @spec:2:timeout-notice @spec:3.3.8:result=1 @spec:3.3.1:timeout:set @reading:A20=including-first
    Scenario: With timeout_notice 1 every retransmission of a PUBLISH is reported with its count (A20 including-first)
      When the host sends AT+QMTCFG="timeout",0,1,3,1
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-notice-on"
      When the host sends AT+QMTPUBEX=0,36,1,0,"qmt/notice/on",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBLISH with packet id 36 one of:
        | after-first     | 4 times, 1 seconds apart |
        | including-first | 3 times, 1 seconds apart |
      And the module reports +QMTPUBEX: 0,36,1,1
      And the module reports +QMTPUBEX: 0,36,1,2
      And the module never reports +QMTPUBEX: 0,36,1,3 within 1 second
      And within 3 seconds the module reports +QMTPUBEX: 0,36,2

    @spec:2:timeout-notice @spec:3.3.1:timeout:set @reading:A20=after-first
    Scenario: With timeout_notice 0 retransmissions are not reported, only the final failure
      When the host sends AT+QMTCFG="timeout",0,1,2,0
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-notice-off"
      When the host sends AT+QMTPUBEX=0,37,1,0,"qmt/notice/off",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBLISH with packet id 37 one of:
        | after-first     | 3 times, 1 seconds apart |
        | including-first | 2 times, 1 seconds apart |
      # `*` widens the prohibition: with <timeout_notice> 0 no retransmission notice may come, whatever its count.
      And the module never reports +QMTPUBEX: 0,37,1,* within 1 second
      And within 3 seconds the module reports +QMTPUBEX: 0,37,2
      And the broker receives the PUBLISH with packet id 37 3 times, 1 second apart
