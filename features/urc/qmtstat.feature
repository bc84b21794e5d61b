Feature: +QMTSTAT — state change in the MQTT link layer (spec 4.1)

  When the MQTT link layer changes state the client ends the MQTT connection and reports
  +QMTSTAT: <client_idx>,<err_code>, with <err_code> from table 4. Each code is provoked here in
  the situation table 4 names, through the broker fixture and the network:

  | code | situation (table 4)                                  | provoked by                                  |
  | 1    | connection closed or reset by the server             | the broker closes (FIN) or resets (RST) it, or another client takes the client id |
  | 2    | sending PINGREQ timed out or failed                  | the broker withholds PINGRESP (+QMTPING too) |
  | 3    | sending CONNECT timed out or failed                  | every send of CONNECT unanswered (A3=retransmit; in qmtconn.feature) |
  | 4    | receiving CONNACK timed out or failed                | the broker cuts the link when CONNECT comes  |
  | 5    | the server closes the link after the client's DISCONNECT | the broker closes as DISCONNECT arrives  |
  | 6    | the client closes because sending keeps failing      | the broker withholds SUBACK / PUBACK         |
  | 7    | the link is not working                              | the broker sends a malformed packet (reserved type 0) |
  | 8    | the client actively closes the MQTT connection       | AT+QMTCLOSE on a connected client            |

  Code 3 is read as "every send of CONNECT timed out", which only a module that resends CONNECT
  (reading A3=retransmit) can report; a write of CONNECT on an open loopback link never fails.
  A CONNACK that never comes (code 4 under reading A3=excep1) is in qmtconn.feature.

  Where table 4 does not tie an event to one code, the scenario accepts each code the note's words
  allow and records it (src/variants/readings.ts): stat-malformed (a malformed packet: 7, or 1),
  stat-no-connack (the server closes instead of CONNACK: 4, or 1), disc-stat (the server closes
  after DISCONNECT: 5, or no +QMTSTAT), close-stat (AT+QMTCLOSE: 8, or no +QMTSTAT). Any other
  code for the same client fails. Codes 1, 2 and 6 are forced by their events.

  After any +QMTSTAT the link is gone: AT+QMTCONN? lists no state for the client and the
  table's solution, AT+QMTOPEN, opens it again.

  Rule: The server closing or resetting the connection is reported as +QMTSTAT: <idx>,1

    @spec:4.1:err_code=1
    Scenario Outline: The broker <action> the connection of a connected client
      Given client 0 is connected to the broker as "qmt-stat-1"
      When the broker <action> the module's connection
      Then within 5 seconds the module reports +QMTSTAT: 0,1
      When the host sends AT+QMTCONN?
      Then the module answers:
        """
        OK
        """
      When the host sends AT+QMTOPEN=0,"{host}",{port}
      Then the module answers OK
      And the module reports +QMTOPEN: 0,0
      And the broker has seen 2 connections from the module

      Examples: FIN and RST
        | action |
        | closes |
        | resets |

    @spec:4.1:err_code=1
    Scenario: The broker closes the connection of client 3 only, client 0 stays connected
      Given client 3 is connected to the broker as "qmt-stat-3"
      When the broker closes the module's connection
      Then within 5 seconds the module reports +QMTSTAT: 3,1
      And no +QMTSTAT: 0,1 URC arrives within 5 seconds

  Rule: A PINGREQ without PINGRESP is reported as +QMTSTAT: <idx>,2

    # Keep-alive 10 s: PINGREQ after 10 s of silence; the note gives no wait for PINGRESP, the
    # harness allows 20 s more (the simulated module waits <qmtping_interval>, 5 s, see A31).
    @spec:4.1:err_code=2 @sub-option:keepalive
    Scenario: The broker never answers PINGREQ
      When the host sends AT+QMTCFG="keepalive",0,10
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-stat-2"
      And the broker withholds PINGRESP
      Then the broker receives a PINGREQ within 11 seconds
      And within 30 seconds the module reports +QMTSTAT: 0,2
      And the broker sees the module close its connection

  Rule: A CONNACK that fails is reported as +QMTSTAT: <idx>,4

    @spec:4.1:err_code=4
    Scenario: The server closes the connection instead of answering CONNECT
      Given client 0 has opened a network connection to the broker
      And the broker closes the connection as soon as the module sends CONNECT
      When the host sends AT+QMTCONN=0,"qmt-cut-at-connect"
      Then the module answers OK
      And by reading stat-no-connack the module reports one of:
        | 4 | +QMTSTAT: 0,4 within 5 seconds |
        | 1 | +QMTSTAT: 0,1 within 5 seconds |
      And no +QMTCONN: 0,0,0 URC arrives within 5 seconds

  Rule: The server closing the link after the client's DISCONNECT is reported as +QMTSTAT: <idx>,5

    # Table 4 calls this "a normal process": the disconnect still completes (+QMTDISC: 0,0).
    @spec:4.1:err_code=5 @spec:3.3.5:set
    Scenario: The broker closes the connection as soon as DISCONNECT arrives
      Given client 0 is connected to the broker as "qmt-stat-5"
      And the broker closes the connection as soon as the module sends DISCONNECT
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And by reading disc-stat the module reports one of:
        | 5    | +QMTSTAT: 0,5 within 30 seconds |
        | none | no +QMTSTAT within 5 seconds    |
      And the module reports +QMTDISC: 0,0

  Rule: A link that stops working is reported as +QMTSTAT: <idx>,7

    @spec:4.1:err_code=7
    Scenario: The broker sends a malformed packet
      Given client 0 is connected to the broker as "qmt-stat-7"
      When the broker sends the module a malformed packet
      Then by reading stat-malformed the module reports one of:
        | 7 | +QMTSTAT: 0,7 within 5 seconds |
        | 1 | +QMTSTAT: 0,1 within 5 seconds |
      And the broker sees the module close its connection

  Rule: Giving up after failed sends is reported as +QMTSTAT: <idx>,6

    # <pkt_timeout> 1 s, <retry_times> 1: under reading A20=after-first the request is sent
    # twice and fails after 1 s x (1 + 1) = 2 s; then the client closes the connection.
    @spec:4.1:err_code=6 @reading:A20=after-first
    Scenario: SUBSCRIBE is never acknowledged
      When the host sends AT+QMTCFG="timeout",0,1,1,0
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-stat-6-sub"
      And the broker withholds SUBACK
      When the host sends AT+QMTSUB=0,1,"qmt/stat/6",1
      Then the module answers OK
      And within 2 seconds the module reports +QMTSUB: 0,1,2
      And within 3 seconds the module reports +QMTSTAT: 0,6
      And the broker sees the module close its connection

    @spec:4.1:err_code=6 @reading:A20=after-first
    Scenario: A QoS 1 PUBLISH is never acknowledged
      When the host sends AT+QMTCFG="timeout",0,1,1,0
      Then the module answers OK
      Given client 0 sends and receives MQTT payloads as text
      And client 0 is connected to the broker as "qmt-stat-6-pub"
      And the broker withholds PUBACK
      When the host sends AT+QMTPUBEX=0,7,1,0,"qmt/stat/6",5 with payload "hello"
      Then the module answers OK
      And within 2 seconds the module reports +QMTPUBEX: 0,7,2
      And within 3 seconds the module reports +QMTSTAT: 0,6
      And the broker sees the module close its connection

  Rule: The client closing the MQTT connection itself is reported as +QMTSTAT: <idx>,8

    @spec:4.1:err_code=8
    Scenario: AT+QMTCLOSE on a connected client
      Given client 0 is connected to the broker as "qmt-stat-8"
      When the host sends AT+QMTCLOSE=0
      Then the module answers OK
      And the module reports +QMTCLOSE: 0,0
      And by reading close-stat the module reports one of:
        | 8    | +QMTSTAT: 0,8 within 30 seconds |
        | none | no +QMTSTAT within 5 seconds    |
      And the broker sees the module close its connection
