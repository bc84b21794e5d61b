Feature: AT+QMTSUB — subscribe to topics (spec 3.3.6)

  AT+QMTSUB=<client_idx>,<msgid>,<topic1>,<qos1>[,<topic2>,<qos2>…] answers OK, sends one
  SUBSCRIBE, and reports +QMTSUB: <client_idx>,<msgid>,<result>[,<value>]. <msgid> is 1~65535,
  <qos> 0~2. <value> is the granted QoS vector for result 0 (so a broker that grants less than
  requested is reported with what it granted, §3.3.6 "granted"), the retransmission count for
  result 1 (timeout_notice 1); result 2 has none. The note does not say how a vector of several
  granted QoS is printed (second half of A25); parameters of an AT response are comma-separated
  (§3.1), so the multi-topic scenario expects +QMTSUB: 0,5,0,0,1,2.
  The test line is compared with white space outside quotes aside: §3.3.6 prints
  `<msgid>, list of`, the §5.1 example `<msgid>,list of`; a difference is attached as a note.
  Readings this feature depends on:
  - A20: whether <retry_times> counts the first send. The retransmission scenarios first observe
    how many SUBSCRIBE reached the broker (before any deadline is checked); their continuation
    is written for "after-first": retry_times + 1 sends, result 2 after pkt_timeout x
    (retry_times + 1), later than the §3.3.6 maximum response time, so they give the time.

  Rule: A subscription is sent as SUBSCRIBE and reported with the granted QoS

    @spec:3.3.6:set @spec:3.3.6:result=0 @spec:3.3.6:value @spec:3.3.6:max-response-time
    Scenario: Client 0 subscribes to one topic at QoS 1
      Given client 0 is connected to the broker as "qmt-sub"
      When the host sends AT+QMTSUB=0,7,"qmt/sub/one",1
      Then the module answers OK
      And the module reports +QMTSUB: 0,7,0,1
      And the broker receives a SUBSCRIBE with:
        | packet id     | 7               |
        | subscriptions | qmt/sub/one@1   |

    @spec:3.3.6:value @spec:3.3.6:result=0
    Scenario Outline: A broker granting only QoS <granted> for a QoS <requested> request is reported as granted
      Given the broker grants at most QoS <granted> in SUBACK
      And client 0 is connected to the broker as "qmt-sub-grant"
      When the host sends AT+QMTSUB=0,9,"qmt/sub/grant",<requested>
      Then the module answers OK
      And the module reports +QMTSUB: 0,9,0,<granted>
      And the broker receives a SUBSCRIBE with:
        | packet id     | 9                         |
        | subscriptions | qmt/sub/grant@<requested> |

      Examples: lower than requested (MQTT 3.1.1 §3.9.3)
        | requested | granted |
        | 2         | 1       |
        | 2         | 0       |
        | 1         | 0       |

    @spec:3.3.6:multi-topic @spec:3.3.6:value @spec:3.3.6:set
    Scenario: Three topics in one command make one SUBSCRIBE and a vector of three granted QoS
      Given client 0 is connected to the broker as "qmt-sub-multi"
      When the host sends AT+QMTSUB=0,5,"qmt/sub/a",0,"qmt/sub/b",1,"qmt/sub/c",2
      Then the module answers OK
      And the module reports +QMTSUB: 0,5,0,0,1,2
      And the broker receives a SUBSCRIBE with:
        | packet id     | 5                                   |
        | subscriptions | qmt/sub/a@0 qmt/sub/b@1 qmt/sub/c@2 |

  Rule: The test command reports the syntax

    @spec:3.3.6:test
    Scenario: AT+QMTSUB=? lists the client range, msgid and topic/qos pairs
      When the host sends AT+QMTSUB=?
      Then the module answers, spacing aside:
        """
        +QMTSUB: (0-5),<msgid>,list of ["topic",qos]
        OK
        """

  Rule: <msgid> is 1~65535 and <qos> is 0~2; anything else is ERROR

    @spec:3.3.6:msgid:range @spec:3.3.6:set
    Scenario Outline: AT+QMTSUB with <msgid> <msgid> is accepted and sent as packet id <msgid>
      Given client 0 is connected to the broker as "qmt-sub-msgid"
      When the host sends AT+QMTSUB=0,<msgid>,"qmt/sub/id",0
      Then the module answers OK
      And the module reports +QMTSUB: 0,<msgid>,0,0
      And the broker receives a SUBSCRIBE with:
        | packet id | <msgid> |

      Examples: in range
        | msgid |
        | 1     |
        | 65535 |

    @spec:3.3.6:msgid:range
    Scenario Outline: AT+QMTSUB with <msgid> <msgid> is refused with ERROR
      Given client 0 is connected to the broker as "qmt-sub-msgid-bad"
      When the host sends AT+QMTSUB=0,<msgid>,"qmt/sub/id",0
      Then the module answers ERROR
      And no +QMTSUB URC arrives within 2 seconds

      Examples: out of range or not a number
        | msgid |
        | 0     |
        | 65536 |
        | -1    |
        | x     |

    @spec:3.3.6:qos:range @spec:3.3.6:set
    Scenario Outline: AT+QMTSUB at <qos> <qos> is sent with that QoS
      Given client 0 is connected to the broker as "qmt-sub-qos"
      When the host sends AT+QMTSUB=0,3,"qmt/sub/qos",<qos>
      Then the module answers OK
      And the module reports +QMTSUB: 0,3,0,<qos>
      And the broker receives a SUBSCRIBE with:
        | subscriptions | qmt/sub/qos@<qos> |

      Examples: in range
        | qos |
        | 0   |
        | 1   |
        | 2   |

    @spec:3.3.6:qos:range
    Scenario Outline: AT+QMTSUB at <qos> <qos> is refused with ERROR
      Given client 0 is connected to the broker as "qmt-sub-qos-bad"
      When the host sends AT+QMTSUB=0,3,"qmt/sub/qos",<qos>
      Then the module answers ERROR
      And no +QMTSUB URC arrives within 2 seconds

      Examples: out of range or not a number
        | qos |
        | 3   |
        | -1  |
        | x   |

  Rule: An unacknowledged SUBSCRIBE is retransmitted (figure 1 T1, Excep2) and finally reported as failed

    @spec:3.3.6:result=1 @spec:3.3.6:value @spec:2:timeout-notice @reading:A20=after-first
    Scenario: With timeout_notice 1 each retransmission of a SUBSCRIBE without SUBACK is reported
      When the host sends AT+QMTCFG="timeout",0,2,2,1
      Then the module answers OK
      Given the broker withholds SUBACK
      And client 0 is connected to the broker as "qmt-sub-retry"
      When the host sends AT+QMTSUB=0,3,"qmt/sub/retry",1
      Then the module answers OK
      And by reading A20 the broker receives the SUBSCRIBE with packet id 3 one of:
        | after-first     | 3 times, 2 seconds apart |
        | including-first | 2 times, 2 seconds apart |
      And the module reports +QMTSUB: 0,3,1,1
      And the module reports +QMTSUB: 0,3,1,2
      And within 6 seconds the module reports +QMTSUB: 0,3,2

    @spec:3.3.6:result=1 @spec:3.3.6:value @spec:2:timeout-notice @reading:A20=including-first
    Scenario: With timeout_notice 1 each retransmission of a SUBSCRIBE without SUBACK is reported (A20 including-first)
      When the host sends AT+QMTCFG="timeout",0,2,2,1
      Then the module answers OK
      Given the broker withholds SUBACK
      And client 0 is connected to the broker as "qmt-sub-retry"
      When the host sends AT+QMTSUB=0,3,"qmt/sub/retry",1
      Then the module answers OK
      And by reading A20 the broker receives the SUBSCRIBE with packet id 3 one of:
        | after-first     | 3 times, 2 seconds apart |
        | including-first | 2 times, 2 seconds apart |
      And the module reports +QMTSUB: 0,3,1,1
      And the module never reports +QMTSUB: 0,3,1,2 within 1 second
      And within 4 seconds the module reports +QMTSUB: 0,3,2

    @spec:3.3.6:result=2 @spec:2:retransmission @reading:A20=after-first
    Scenario: With timeout_notice 0 a SUBSCRIBE never acknowledged ends in result 2 after 3 sends
      When the host sends AT+QMTCFG="timeout",0,1,2,0
      Then the module answers OK
      Given the broker withholds SUBACK
      And client 0 is connected to the broker as "qmt-sub-fail"
      When the host sends AT+QMTSUB=0,4,"qmt/sub/fail",1
      Then the module answers OK
      And by reading A20 the broker receives the SUBSCRIBE with packet id 4 one of:
        | after-first     | 3 times, 1 seconds apart |
        | including-first | 2 times, 1 seconds apart |
      And within 3 seconds the module reports +QMTSUB: 0,4,2
      And the broker receives the SUBSCRIBE with packet id 4 3 times, 1 second apart
